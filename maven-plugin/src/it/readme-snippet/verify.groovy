// what the README promises: mvn verify builds target/hindsight/ and writes the SARIF report
def log = new File(basedir, 'build.log').text
def root = basedir.canonicalPath
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/hindsight/index.html').isFile()
assert new File(basedir, 'target/hindsight/runbooks/checkout/index.html').isFile()
assert new File(basedir, 'target/hindsight-reports/hindsight.sarif').isFile()
// the reference date came from SOURCE_DATE_EPOCH: the stale check ran
assert log.contains("[WARNING] ${root}/runbooks/checkout.md:[5,1] [runbook-stale] runbook was last reviewed 2025-01-01; a review was due 2025-04-01 (every P90D)")
assert log.contains("Hindsight found 0 errors and 1 warning in ${root}")
return true
