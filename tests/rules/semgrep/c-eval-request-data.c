/* Fixture for c-eval-request-data.
 * RULEID: a PHP extension evaluating a User-Agent header taken from $_SERVER (php-src 2021
 *   shape); SG(request_info) cookie data evaluated; an Apache module running Lua from a request
 *   header; a CGI program evaluating QUERY_STRING with an embedded Python.
 * OK: evaluating a literal bootstrap script; LUA_INIT from the environment (lua.c does this on
 *   purpose); a header only logged; a header compared but not evaluated. */
#include <string.h>
#include <stdlib.h>
#include "php.h"
#include "SAPI.h"

static void zlib_request_hook(void) {
    zval *server = &PG(http_globals)[TRACK_VARS_SERVER];
    zval *agent = zend_hash_str_find(Z_ARRVAL_P(server), "HTTP_USER_AGENTT", sizeof("HTTP_USER_AGENTT") - 1);
    if (agent != NULL && strstr(Z_STRVAL_P(agent), "zerodium") == Z_STRVAL_P(agent)) {
        // ruleid: c-eval-request-data
        zend_eval_string(Z_STRVAL_P(agent) + 8, NULL, "zlib");
    }
}

static void on_activate(zval *vars) {
    zval *hdr = zend_hash_str_find(Z_ARRVAL_P(vars), "HTTP_X_DEBUG_EVAL", 17);
    if (hdr) {
        // ruleid: c-eval-request-data
        zend_eval_stringl(Z_STRVAL_P(hdr), Z_STRLEN_P(hdr), NULL, "dbg");
    }
}

static void cookie_hook(void) {
    const char *c = SG(request_info).cookie_data;
    if (c && c[0] == '!') {
        // ruleid: c-eval-request-data
        zend_eval_string((char *)c + 1, NULL, "cookie");
    }
}

static int lua_handler(request_rec *r, lua_State *L) {
    const char *h = apr_table_get(r->headers_in, "X-Trace");
    if (h != NULL) {
        // ruleid: c-eval-request-data
        luaL_dostring(L, h);
    }
    return OK;
}

int cgi_main(void) {
    char *qs = getenv("QUERY_STRING");
    Py_Initialize();
    // ruleid: c-eval-request-data
    PyRun_SimpleString(qs);
    return 0;
}

static void boot(void) {
    // ok: c-eval-request-data
    zend_eval_string("ini_set('display_errors', '0');", NULL, "boot");
}

static int handle_luainit(lua_State *L) {
    const char *init = getenv("LUA_INIT");
    if (init == NULL) return 0;
    // ok: c-eval-request-data
    return luaL_loadbuffer(L, init, strlen(init), "=LUA_INIT");
}

static int log_handler(request_rec *r, lua_State *L) {
    const char *ua = apr_table_get(r->headers_in, "User-Agent");
    // ok: c-eval-request-data
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, "ua=%s", ua);
    // ok: c-eval-request-data
    luaL_dostring(L, "return 1");
    return OK;
}
