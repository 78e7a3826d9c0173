import groovy.json.JsonSlurper

def reports = new File(basedir, 'target/hindsight-reports')
def sarif = new JsonSlurper().parse(new File(reports, 'hindsight.sarif'))
assert sarif.version == '2.1.0'
assert sarif.'$schema'.contains('sarif-2.1.0')
assert sarif.runs.size() == 1
assert sarif.runs[0].tool.driver.name.toLowerCase().contains('hindsight')
def results = sarif.runs[0].results
assert results.size() == 1
assert results[0].ruleId == 'runbook-stale'
assert results[0].level == 'warning'
def location = results[0].locations[0].physicalLocation
assert location.artifactLocation.uri.endsWith('runbooks/checkout.md')
assert location.region.startLine == 5

def json = new JsonSlurper().parse(new File(reports, 'hindsight.json'))
assert json.summary.warnings == 1
assert json.diagnostics*.rule == ['runbook-stale']

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'a warning does not fail with the default failOn=error'
assert log.contains("Hindsight SARIF report: ${reports.canonicalPath}/hindsight.sarif")
return true
