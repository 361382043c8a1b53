/* Fixture for generic-exfil-service-url.
 * RULEID: a dnslog.cn host. OK: an example.com host. */
// ruleid: generic-exfil-service-url
static const char *oob = "abc.dnslog.cn";
// ok: generic-exfil-service-url
static const char *api = "api.example.com";
