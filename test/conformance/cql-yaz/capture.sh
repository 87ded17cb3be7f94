#!/bin/sh
# Captures YAZ's XCQL for each NN.cql here into NN.yaz.xml, as a second opinion that
# test/cql-xcql.test.ts compares our XCQL with. Debian ships libyaz but not the cql2xcql tool,
# so this builds the equivalent from libyaz-dev (apt-get install gcc libyaz-dev). Re-run only to
# refresh the captures; the test needs neither YAZ nor a compiler.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/cql2xcql.c" <<'C'
#include <stdio.h>
#include <yaz/cql.h>
int main(int argc, char **argv) {
  CQL_parser cp = cql_parser_create();
  if (argc != 2 || cql_parser_string(cp, argv[1])) return 1;
  cql_to_xml_stdio(cql_parser_result(cp), stdout);
  cql_parser_destroy(cp);
  return 0;
}
C
gcc -o "$work/cql2xcql" "$work/cql2xcql.c" -lyaz
for f in "$here"/*.cql; do
  "$work/cql2xcql" "$(cat "$f")" >"${f%.cql}.yaz.xml"
done
echo "captured with $(pkg-config --modversion yaz 2>/dev/null || echo 'libyaz (version unknown)')"
