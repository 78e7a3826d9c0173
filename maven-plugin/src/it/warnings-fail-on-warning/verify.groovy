def log = new File(basedir, 'build.log').text
def root = basedir.canonicalPath
assert log.contains("[WARNING] ${root}/runbooks/checkout.md:[5,1] [runbook-stale] runbook was last reviewed 2025-01-01")
assert log.contains("Hindsight found 0 errors and 1 warning in ${root} (`<failOn>` is warning)")
assert log.contains('BUILD FAILURE')
return true
