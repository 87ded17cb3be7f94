<?xml version="1.0" encoding="UTF-8"?>
<!--
  MARCXML -> OAI-PMH Dublin Core (metadataPrefix oai_dc).
  Input: a MARC 21 bibliographic record in MARCXML (a <record>, or a
  <collection>: then its first record). Output: <oai_dc:dc>, valid against
  http://www.openarchives.org/OAI/2.0/oai_dc.xsd. The mapping lives in
  _dc-mapping.xsl, shared with marc21-to-srw_dc.xsl.
  Batch mode: call the initial template lg:batch on a <collection> to get one
  serialized result string per record (see src/crosswalk/registry.ts).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:marc="http://www.loc.gov/MARC21/slim"
    xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:lg="urn:x-libgate:xslt"
    exclude-result-prefixes="#all">

  <xsl:include href="_dc-mapping.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes" omit-xml-declaration="yes"/>

  <xsl:template match="/">
    <xsl:variable name="record" select="lg:records(.)[1]"/>
    <xsl:if test="empty($record)">
      <xsl:message terminate="yes" error-code="lg:NOTMARC">input is not a MARCXML record</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$record"/>
  </xsl:template>

  <!-- Batch mode: the records as MARCXML strings, each parsed on its own. -->
  <xsl:param name="lg:records" as="xs:string*" select="()"/>

  <xsl:template name="lg:batch" as="xs:string*">
    <xsl:for-each select="$lg:records ! lg:records(parse-xml(.))[1]">
      <xsl:variable name="out" as="element()">
        <xsl:apply-templates select="."/>
      </xsl:variable>
      <xsl:sequence select="serialize($out, map{'method': 'xml', 'indent': true(), 'omit-xml-declaration': true()})"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="marc:record">
    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
      <xsl:namespace name="dc" select="'http://purl.org/dc/elements/1.1/'"/>
      <xsl:sequence select="lg:dc-record(.)"/>
    </oai_dc:dc>
  </xsl:template>

</xsl:stylesheet>
