// every problem is listed, compiler-style with the absolute path, before ONE failure that sums up
def log = new File(basedir, 'build.log').text
def root = basedir.canonicalPath
def pm = "${root}/postmortems/2026-02-10-checkout-outage.md"
def rb = "${root}/runbooks/checkout.md"

def expected = [
    "[ERROR] ${pm}:[6,1] [front-matter-schema] `severity`: does not have a value in the enumeration [\"SEV-1\", \"SEV-2\", \"SEV-3\", \"SEV-4\"]",
    "[ERROR] ${pm}:[9,1] [required-section] missing required section \"Action items\"",
    "[ERROR] ${pm}:[9,1] [required-section] missing required section \"Timeline\"",
    "[WARNING] ${rb}:[5,1] [runbook-stale] runbook was last reviewed 2025-01-01; a review was due 2025-04-01 (every P90D)",
    "[ERROR] ${rb}:[7,1] [required-section] missing required section \"Escalation\"",
    "[ERROR] ${rb}:[16,1] [runbook-diagnosis-steps] the Diagnosis section has no numbered list of steps",
    "[ERROR] ${rb}:[20,1] [runbook-mitigation-code] the Mitigation section has no code block",
    "[ERROR]   hint: write the steps as a numbered list (1. 2. 3.)",
]
expected.each { line -> assert log.contains(line.toString()) : "missing in build.log: ${line}" }

def summary = "Hindsight found 9 errors and 1 warning in ${root}"
assert log.contains(summary)
// the diagnostics come first, the failure once, at the end (check never ran: build failed in package)
assert log.indexOf("[ERROR] ${rb}:[20,1]") < log.indexOf(summary)
assert log.count("[ERROR] ${rb}:[20,1]") == 1
assert log.contains('BUILD FAILURE')
return true
