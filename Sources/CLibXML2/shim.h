#ifndef NEWSGRAPH_CLIBXML2_SHIM_H
#define NEWSGRAPH_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* libxml2 built with ICU makes encoding.h include the system <unicode/ucnv.h>, whose UErrorCode
   clashes with the ICU copy bundled in Foundation (_FoundationICU): any module that sees both
   (a test module, the test discovery module) fails on a clean build with "'UErrorCode' has
   different definitions in different modules". NewsGraph never touches the ICU fields of
   xmlCharEncodingHandler (it only passes pointers), so hiding them is safe. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/tree.h>
#include <libxml/c14n.h>
#include <libxml/xmlschemas.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlstring.h>
#endif
