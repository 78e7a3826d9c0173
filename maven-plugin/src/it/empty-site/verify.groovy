// no document recognized: one positioned error with a hint naming the folders, the build fails, nothing is published
def log = new File(basedir, 'build.log').text
def root = basedir.canonicalPath
def expected = [
    "[ERROR] ${root}/hindsight.yml:[1,1] [no-documents] no documents recognized: no Markdown file is in a kind's folder (postmortems/, runbooks/) or has a `type:`",
    "[ERROR]   hint: Markdown files here: docs/ (1); `hindsight adopt --force` rewrites hindsight.yml to fit them, or map them to kinds in it, such as `kinds: {postmortem: {folders: [docs]}}`",
    "Hindsight found 1 error and 0 warnings in ${root}",
]
expected.each { line -> assert log.contains(line.toString()) : "missing in build.log: ${line}" }
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/hindsight').exists() : 'an empty site is never published'
return true
