// libxml2's HTML and XML parsers, for ThemeMapIngest (Debian: libxml2-dev; headers in /usr/include/libxml2).
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and its encoding.h then includes the system's <unicode/ucnv.h>,
// whose enums clash with the ICU copy inside Foundation. ThemeMap never touches the encoding-handler
// structs that the ICU fields belong to, so hiding them from Swift changes nothing it uses.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
