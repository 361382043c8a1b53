/* Fixture for c-tls-verify-disabled.
 * RULEID: VERIFYPEER 0L and VERIFYHOST 0 on a curl handle.
 * OK: VERIFYPEER 1L with a CA file. */
#include <curl/curl.h>
void fetch(CURL *h) {
    // ruleid: c-tls-verify-disabled
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
    // ruleid: c-tls-verify-disabled
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0);
    // ok: c-tls-verify-disabled
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    // ok: c-tls-verify-disabled
    curl_easy_setopt(h, CURLOPT_CAINFO, "/etc/ssl/certs/ca.pem");
}
