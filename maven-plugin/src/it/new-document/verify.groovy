// hindsight:new takes its date from <referenceDate>; what it writes passes check
def pm = new File(basedir, 'postmortems/2026-03-05-checkout-card-payments-failed.md')
def rb = new File(basedir, 'runbooks/checkout.md')
assert pm.isFile()
assert rb.isFile()
assert pm.text.contains('title: "Checkout: card payments failed"\n')
assert pm.text.contains('status: draft\n')
assert rb.text.contains('service: checkout\n')

def log = new File(basedir, 'build.log').text
assert log.contains("Hindsight found 0 errors and 0 warnings in ${basedir.canonicalPath}")
assert log.contains('BUILD SUCCESS')
return true
