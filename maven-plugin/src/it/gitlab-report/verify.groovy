import groovy.json.JsonSlurper

// The GitLab Code Quality report (artifacts:reports:codequality), written although the check fails.
def file = new File(basedir, 'target/hindsight-reports/gl-code-quality-report.json')
assert file.isFile()
def report = new JsonSlurper().parse(file)
assert report instanceof List
assert report.size() == 2
report.each { issue ->
    assert issue.description instanceof String && !issue.description.isEmpty()
    assert issue.check_name instanceof String
    assert issue.fingerprint ==~ /[0-9a-f]{32}/
    assert issue.severity in ['info', 'minor', 'major', 'critical', 'blocker']
    assert issue.location.path.endsWith('runbooks/checkout.md')
    assert !issue.location.path.startsWith('/')
    assert issue.location.lines.begin instanceof Integer
}
assert report*.check_name == ['runbook-stale', 'runbook-diagnosis-steps']
assert report*.severity == ['minor', 'major']
assert report*.location*.lines*.begin == [5, 16]
assert report*.fingerprint.unique().size() == 2

def log = new File(basedir, 'build.log').text
assert log.contains("Hindsight GITLAB report: ${file.canonicalPath}")
assert log.contains('BUILD FAILURE')
return true
