# Fixture for generic-build-reads-test-fixture (autoconf m4 / CMake fragments).
# RULEID: m4 macro decompressing a test file; binary grep of the source dir for a marker;
#   CMake execute_process slicing bytes out of a test fixture.
# OK: AC_CONFIG_FILES listing tests/Makefile; CMake add_test decompressing a fixture; xz on a source file.

AC_DEFUN([gl_BUILD_TO_HOST],
[
# ruleid: generic-build-reads-test-fixture
  gl_[$1]_prefix=`xz -dc $srcdir/tests/files/bad-3-corrupt_lzma2.xz 2>/dev/null`
# ruleid: generic-build-reads-test-fixture
  gl_am_configmake=`grep -aErls "#{4}[[:alnum:]]{5}#{4}$" $srcdir/ 2>/dev/null`
])

# ruleid: generic-build-reads-test-fixture
execute_process(COMMAND sh -c "head -c 2048 ${CMAKE_SOURCE_DIR}/tests/data/sample.bin | tail -c 512"
  OUTPUT_VARIABLE HIDDEN)

# ok: generic-build-reads-test-fixture
AC_CONFIG_FILES([Makefile src/Makefile tests/Makefile])
# ok: generic-build-reads-test-fixture
add_test(NAME decompress COMMAND sh -c "xz -dc ${CMAKE_SOURCE_DIR}/tests/files/good-1.xz | cmp - ${CMAKE_SOURCE_DIR}/tests/files/good-1.txt")
# ok: generic-build-reads-test-fixture
  XZ_VERSION=`xz --version | head -n1`
