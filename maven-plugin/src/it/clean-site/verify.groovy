// check and build succeed; the site is written with Hindsight's marker
def log = new File(basedir, 'build.log').text
def site = new File(basedir, 'target/hindsight')

assert log.contains('BUILD SUCCESS')
assert log.contains("Hindsight found 0 errors and 0 warnings in ${basedir.canonicalPath}")
assert log.contains("Hindsight wrote ")
// progress: a line per stage with its count, never one per document; <timings> logs the table of every stage
assert log.contains('[INFO] Hindsight: reading 1 Markdown file')
assert log.contains('[INFO] Hindsight: checking 1 document')
assert log =~ /\[INFO\] Hindsight: writing \d+ pages/
assert log.contains('[INFO] Hindsight timings (git runs alongside read and parse, search alongside render):')
['read', 'git', 'parse', 'validate', 'render', 'search', 'write', 'total'].each { stage ->
    assert log =~ /(?m)^\[INFO\] ${stage} +\d+\.\d\d s/ : "timings name ${stage}"
}
assert !log.contains('[WARNING] ' + basedir.canonicalPath)
assert new File(site, 'index.html').isFile()
assert new File(site, 'runbooks/checkout/index.html').isFile()
assert new File(site, '.hindsight-output').isFile()
assert !new File(basedir, 'target/hindsight-reports').exists() : 'no report unless asked for'
def cache = new File(basedir, 'target/hindsight-cache')
assert cache.isDirectory() && cache.listFiles().any { it.name ==~ /[0-9a-f]{64}\.entry/ } : 'documents cached under target/'
assert !new File(basedir, '.hindsight').exists()

// hindsight:help -Ddetail documents the parameters
assert log.contains('hindsight:check')
assert log.contains('The least severe diagnostic that fails the build')
assert log.contains('User property: hindsight.skip')
assert log.contains('User property: hindsight.skipCache')
return true
