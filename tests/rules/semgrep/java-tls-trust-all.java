// Fixture for java-tls-trust-all.
// RULEID: empty checkServerTrusted, always-true verify, NoopHostnameVerifier.
// OK: a checkServerTrusted that delegates to the default trust manager.
import javax.net.ssl.*;
import java.security.cert.X509Certificate;
import org.apache.http.conn.ssl.NoopHostnameVerifier;

class TrustAll implements X509TrustManager {
    // ruleid: java-tls-trust-all
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}
    public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
}

class AllHosts implements HostnameVerifier {
    // ruleid: java-tls-trust-all
    public boolean verify(String host, SSLSession session) { return true; }
}

class Pinned implements X509TrustManager {
    X509TrustManager delegate;
    // ok: java-tls-trust-all
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
        delegate.checkServerTrusted(chain, authType);
    }
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}
    public X509Certificate[] getAcceptedIssuers() { return delegate.getAcceptedIssuers(); }
    // ruleid: java-tls-trust-all
    Object v = NoopHostnameVerifier.INSTANCE;
}
