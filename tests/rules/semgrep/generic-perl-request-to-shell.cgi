#!/usr/bin/perl
# Fixture for generic-perl-request-to-shell.
# RULEID: qx// of a Webmin %in field (CVE-2019-15107 shape); backticks with a CGI.pm param;
#   system with a %FORM value; piped open with a query-string value; string eval of a param;
#   a command built from $in{...} in a variable and run with system; a header in exec.
# OK: quotemeta'd and \Q\E-escaped values; list-form system; a block eval that only reads
#   $in; a parameter printed; a fixed command in backticks; an unrelated variable in system.
require './acl-lib.pl';
use CGI;
&ReadParse();
my $q = CGI->new;

$enc = &acl::encrypt_password($in{'old'}, $wuser->{'pass'});
# ruleid: generic-perl-request-to-shell
$enc eq $wuser->{'pass'} || &pass_error($text{'password_eold'},qx/$in{'old'}/);

# ruleid: generic-perl-request-to-shell
my $out = `ping -c 1 ${\ $q->param('host')}`;

# ruleid: generic-perl-request-to-shell
system("tar czf /tmp/backup.tgz $FORM{'dir'}");

# ruleid: generic-perl-request-to-shell
open(LOG, "grep $ENV{'QUERY_STRING'} /var/log/app.log |") || die;

# ruleid: generic-perl-request-to-shell
eval "\$result = " . param('expr');

# ruleid: generic-perl-request-to-shell
my $cmd = "useradd -m " . $in{'user'};
&webmin_log("create", "user", $in{'user'});
system($cmd);

# ruleid: generic-perl-request-to-shell
exec "/usr/bin/logger", $ENV{'HTTP_X_NOTE'} if 0; exec("logger $ENV{'HTTP_X_NOTE'}");

# ok: generic-perl-request-to-shell
system("tar czf /tmp/backup.tgz ".quotemeta($in{'dir'}));
# ok: generic-perl-request-to-shell
my $list = `ls -l \Q$in{'dir'}\E`;
# ok: generic-perl-request-to-shell
system("/usr/sbin/useradd", "-m", $in{'user'});
# ok: generic-perl-request-to-shell
eval { &save_user($in{'user'}, $in{'pass'}) };
# ok: generic-perl-request-to-shell
print "Hello ", &html_escape($in{'user'}), "\n";
# ok: generic-perl-request-to-shell
my $uptime = `uptime`;
my $svc = $config{'service'};
# ok: generic-perl-request-to-shell
system("systemctl restart $svc");
