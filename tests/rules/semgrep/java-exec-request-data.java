// Fixture for java-exec-request-data.
// RULEID: Runtime.exec of a servlet parameter; ProcessBuilder of a Spring @RequestHeader;
//   ScriptEngine.eval of a @RequestParam.
// OK: Runtime.exec of a constant; Integer.parseInt of a parameter.
import javax.script.ScriptEngine;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.*;

@RestController
class DebugController {
    ScriptEngine engine;

    void doGet(HttpServletRequest request) throws Exception {
        String cmd = request.getParameter("c");
        // ruleid: java-exec-request-data
        Runtime.getRuntime().exec(cmd);
        int n = Integer.parseInt(request.getParameter("n"));
        // ok: java-exec-request-data
        Runtime.getRuntime().exec("uptime");
    }

    @GetMapping("/health")
    String health(@RequestHeader("X-Maint") String maint) throws Exception {
        // ruleid: java-exec-request-data
        new ProcessBuilder("sh", "-c", maint).start();
        return "ok";
    }

    @PostMapping("/calc")
    Object calc(@RequestParam String expr) throws Exception {
        // ruleid: java-exec-request-data
        return engine.eval(expr);
    }
}
