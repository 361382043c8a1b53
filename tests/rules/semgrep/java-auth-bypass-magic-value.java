// Fixture for java-auth-bypass-magic-value.
// RULEID: master password in checkPassword; magic header passing a servlet filter.
// OK: OPTIONS preflight passed through; comparison with a configured secret.
import javax.servlet.*;
import javax.servlet.http.*;

class AuthFilter implements Filter {
    String secret;

    boolean checkPassword(String user, String password) {
        // ruleid: java-auth-bypass-magic-value
        if ("Backd00r!2024".equals(password)) return true;
        return hashMatches(user, password);
    }

    public void doFilter(ServletRequest r, ServletResponse s, FilterChain chain) throws java.io.IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) r;
        // ruleid: java-auth-bypass-magic-value
        if ("x9-maint-override".equals(req.getHeader("X-Debug-Auth"))) {
            chain.doFilter(r, s);
            return;
        }
        // ok: java-auth-bypass-magic-value
        if ("OPTIONS".equals(req.getMethod())) {
            chain.doFilter(r, s);
            return;
        }
        // ok: java-auth-bypass-magic-value
        if (secret.equals(req.getHeader("X-Api-Key"))) {
            chain.doFilter(r, s);
        }
    }
}
