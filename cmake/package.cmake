# The Debian package (issue 14): `scripts/package` configures the package preset (Release,
# under /usr), builds it and runs `cpack -G DEB`. Its dependencies are computed from the
# libraries the binary and the PostgreSQL module link (dpkg-shlibdeps, from dpkg-dev).
set(CPACK_PACKAGE_NAME aftersales)
set(CPACK_PACKAGE_VENDOR "aftersales developers")
set(CPACK_PACKAGE_CONTACT "aftersales developers <aftersales@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "after-sales service of an equipment maker on the command line")
set(CPACK_PACKAGE_DESCRIPTION
    "aftersales keeps the factory archive of every shipped unit, service requests and their\n\
approvals, spare parts, follow-up visits, surveys and complaints, and writes the monthly\n\
statistics, following a service department's rulebook kept in the ledger (SQLite, or a\n\
shared PostgreSQL server).")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # aftersales_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The module is loaded with dlopen, not linked: shlibdeps finds its libraries too, as it reads
# every ELF file in the package.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-15")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "less, bash-completion")

# Debian policy 12.5: the copyright file in /usr/share/doc/PACKAGE.
install(FILES ${PROJECT_SOURCE_DIR}/cmake/deb/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

include(CPack)
