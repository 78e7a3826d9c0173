def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.count('Skipping Hindsight (hindsight.skip)') == 2 : 'check and build both skip'
assert !log.contains('no_such_setting') : 'the site is never read'
assert !new File(basedir, 'target/hindsight').exists()
return true
