// hindsight:new takes its date from <referenceDate>; what it writes passes check (placeholders are warnings)
def pm = new File(basedir, 'postmortems/2026-03-05-checkout-card-payments-failed.md')
def rb = new File(basedir, 'runbooks/checkout.md')
assert pm.isFile()
assert rb.isFile()
assert pm.text.contains('title: "Checkout: card payments failed"\n')
assert pm.text.contains('status: draft\n')
assert rb.text.contains('service: checkout\n')

def log = new File(basedir, 'build.log').text
// A fresh document is a draft full of TODO markers: warnings, not errors, until it is published.
assert log =~ /Hindsight found 0 errors and \d+ warnings in /
assert log.contains('[placeholder] placeholder TODO left in the document')
assert log.contains('BUILD SUCCESS')
return true
