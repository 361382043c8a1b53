// Fixture for generic-exfil-service-url.
// RULEID: a burpcollaborator host. OK: a Maven Central URL.
class Beacon {
    // ruleid: generic-exfil-service-url
    static final String HOST = "q1w2e3.burpcollaborator.net";
    // ok: generic-exfil-service-url
    static final String REPO = "https://repo.maven.apache.org/maven2";
}
