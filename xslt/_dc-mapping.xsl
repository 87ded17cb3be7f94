<?xml version="1.0" encoding="UTF-8"?>
<!--
  MARC 21 to simple Dublin Core, shared by marc21-to-oai_dc.xsl and
  marc21-to-srw_dc.xsl (an included module; see _marc-utils.xsl).

  Follows the Library of Congress "MARC to Dublin Core Crosswalk" (unqualified),
  with these deliberate choices (see xslt/README.md for the full table):
  - creator takes 100/110/111/700/710/711/720, name part only (as LoC's
    MARC21slim2OAIDC.xsl does), not contributor;
  - dc:type gives the DCMI-type word of the crosswalk's appendix (text, image,
    sound) and the finer MARC resource type (cartographic, moving image, ...);
  - publisher is 260/264 $b only (place goes nowhere in simple DC);
  - 041 $h/$k/$m/$n (languages of originals) are not languages of the resource;
  - 856 with 2nd indicator 2 (a related resource) is a relation, not an identifier;
  - series (440/490/8XX) are relations (the qualified crosswalk's IsPartOf).
  Values are whitespace-normalised; empty values produce no element; exact
  duplicates (same element, same value) are dropped by lg:dc-record.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:marc="http://www.loc.gov/MARC21/slim"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:lg="urn:x-libgate:xslt"
    exclude-result-prefixes="#all">

  <xsl:include href="_marc-utils.xsl"/>

  <!-- One dc:* element, or nothing when the value is empty. -->
  <xsl:function name="lg:dc" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:if test="$v">
      <xsl:element name="dc:{$name}" namespace="http://purl.org/dc/elements/1.1/">
        <xsl:value-of select="$v"/>
      </xsl:element>
    </xsl:if>
  </xsl:function>

  <!-- The DC elements of record $r, in DCMES order, without exact duplicates. -->
  <xsl:function name="lg:dc-record" as="element()*">
    <xsl:param name="r" as="element(marc:record)"/>
    <xsl:variable name="all" as="element()*">
      <xsl:apply-templates select="$r" mode="lg:dc"/>
    </xsl:variable>
    <xsl:for-each-group select="$all" group-by="local-name() || '|' || string(.)">
      <xsl:sequence select="current-group()[1]"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- leader/06 -> the crosswalk's DCMI-type word, then the finer MARC resource type -->
  <xsl:variable name="lg:dc-types" as="xs:string"
      select="'|a=text|t=text|c=text;notated music|d=text;notated music|e=image;cartographic|f=image;cartographic'
              || '|g=image;moving image|k=image;still image|i=sound;sound recording|j=sound;sound recording'
              || '|m=software, multimedia|o=kit|p=mixed material|r=three dimensional object|'"/>

  <xsl:template match="marc:record" mode="lg:dc" as="element()*">
    <xsl:variable name="r" select="."/>
    <xsl:variable name="l6" select="lg:l6($r)"/>
    <xsl:variable name="l7" select="lg:l7($r)"/>
    <!-- title: 245 title proper, remainder, parts (no $c, no $h medium); 246 variant titles -->
    <xsl:for-each select="lg:fields($r, '245')">
      <xsl:sequence select="lg:dc('title', lg:chop(lg:title-string(., 'abfgknps')))"/>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '246')">
      <xsl:sequence select="lg:dc('title', lg:chop(lg:join(lg:sf(., 'abfgnp'))))"/>
    </xsl:for-each>

    <!-- creator -->
    <xsl:for-each select="lg:fields($r, ('100', '110', '111', '700', '710', '711', '720'))">
      <xsl:sequence select="lg:dc('creator', lg:chop(lg:join(lg:name-subfields(.))))"/>
    </xsl:for-each>

    <!-- subject: headings with subdivisions joined by "- -" -->
    <xsl:for-each select="lg:fields($r, ('600', '610', '611', '630', '650', '653', '656'))">
      <xsl:variable name="t" select="lg:tag(.)"/>
      <xsl:choose>
        <xsl:when test="$t = '653'">
          <xsl:for-each select="marc:subfield[@code = 'a']">
            <xsl:sequence select="lg:dc('subject', lg:chop(.))"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="main" select="lg:lookup('|600=abcdfgklmnopqrst|610=abcdfgklmnoprst|611=acdefgklnpqst'
                                                      || '|630=adfgklmnoprst|650=abcd|656=a|', $t)"/>
          <xsl:sequence select="lg:dc('subject', lg:heading(., $main))"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>

    <!-- description: notes 5XX except those that are rights (506, 540),
         relation (530) or language (546), and local notes (59X) -->
    <xsl:variable name="note-tags" select="distinct-values(marc:datafield ! lg:tag(.))
        [starts-with(., '5') and not(starts-with(., '59')) and not(. = ('506', '530', '540', '546'))]"/>
    <xsl:for-each select="lg:fields($r, $note-tags)">
      <xsl:variable name="t" select="lg:tag(.)"/>
      <xsl:sequence select="lg:dc('description',
          if ($t = '505') then lg:join(lg:sf(., 'agrt'))
          else if ($t = '520') then lg:join(lg:sf(., 'ab'))
          else lg:join(lg:alpha(., 'u')))"/>
    </xsl:for-each>

    <!-- publisher: 260 $b, 264 $b of the publication statement (2nd indicator 1) -->
    <xsl:for-each select="lg:fields($r, ('260', '264'))[lg:tag(.) = '260' or @ind2 = '1'] ! marc:subfield[@code = 'b']">
      <xsl:sequence select="lg:dc('publisher', lg:chop(.))"/>
    </xsl:for-each>

    <!-- date: 008/07-10 first (a clean year), then 260 $c $g, 264 $c (copyright date
         only when there is no publication date) -->
    <xsl:sequence select="lg:dc('date', lg:year-008($r))"/>
    <xsl:variable name="pub" select="lg:fields($r, ('260', '264'))"/>
    <xsl:variable name="dates" select="($pub[lg:tag(.) = '260'] ! marc:subfield[@code = ('c', 'g')],
                                        $pub[lg:tag(.) = '264'][@ind2 = '1'] ! marc:subfield[@code = 'c'])"/>
    <xsl:variable name="year" select="lg:year-008($r)"/>
    <xsl:for-each select="if (exists($dates)) then $dates
                          else $pub[lg:tag(.) = '264'][@ind2 = '4'] ! marc:subfield[@code = 'c']">
      <xsl:variable name="d" select="lg:chop(.)"/>
      <!-- "[2005]", "c2005", "2005?" add nothing to an 008 year 2005 -->
      <xsl:if test="not($year = replace($d, '[\[\]().?&#xA9;&#x2117;cp\s]', ''))">
        <xsl:sequence select="lg:dc('date', $d)"/>
      </xsl:if>
    </xsl:for-each>

    <!-- type: from leader/06-07, then 655 genre/form headings -->
    <xsl:if test="$l7 = 'c'">
      <xsl:sequence select="lg:dc('type', 'collection')"/>
    </xsl:if>
    <xsl:if test="$l6 = ('d', 'f', 'p', 't')">
      <xsl:sequence select="lg:dc('type', 'manuscript')"/>
    </xsl:if>
    <xsl:for-each select="tokenize(lg:lookup($lg:dc-types, $l6), ';')">
      <xsl:sequence select="lg:dc('type', .)"/>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '655')">
      <xsl:sequence select="lg:dc('type', lg:heading(., 'ab'))"/>
    </xsl:for-each>

    <!-- format: extent and dimensions, physical medium, media type of the e-resource -->
    <xsl:for-each select="lg:fields($r, '300')">
      <xsl:sequence select="lg:dc('format', lg:chop(lg:join(lg:sf(., 'abcefg'))))"/>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '340') ! marc:subfield[@code = 'a']">
      <xsl:sequence select="lg:dc('format', lg:chop(.))"/>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '856') ! marc:subfield[@code = 'q']">
      <xsl:sequence select="lg:dc('format', .)"/>
    </xsl:for-each>

    <!-- identifier -->
    <xsl:for-each select="lg:fields($r, '020') ! marc:subfield[@code = 'a']">
      <xsl:variable name="n" select="lg:std-number(.)"/>
      <xsl:sequence select="lg:dc('identifier', if ($n) then 'URN:ISBN:' || $n else string(.))"/>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '022') ! marc:subfield[@code = 'a']">
      <xsl:variable name="n" select="lg:std-number(.)"/>
      <xsl:sequence select="lg:dc('identifier', if ($n) then 'URN:ISSN:' || $n else string(.))"/>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '024') ! marc:subfield[@code = 'a']">
      <xsl:sequence select="lg:dc('identifier', .)"/>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '856')[not(@ind2 = '2')] ! marc:subfield[@code = 'u']">
      <xsl:sequence select="lg:dc('identifier', iri-to-uri(normalize-space(.)))"/>
    </xsl:for-each>

    <!-- source: original version (534 $t), original of a reproduction (786) -->
    <xsl:for-each select="lg:fields($r, '534') ! marc:subfield[@code = 't']">
      <xsl:sequence select="lg:dc('source', lg:chop(.))"/>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '786')">
      <xsl:sequence select="lg:dc('source', lg:chop(lg:join(lg:sf(., 'to'))))"/>
    </xsl:for-each>

    <!-- language: ISO 639-2 codes from 008 and 041, then the 546 note -->
    <xsl:sequence select="lg:dc('language', lg:lang-008($r))"/>
    <xsl:for-each select="lg:fields($r, '041')[not(@ind2 = '7')] ! marc:subfield[@code = ('a', 'b', 'd', 'e', 'f', 'g', 'j')]">
      <xsl:for-each select="lg:lang-codes(.)">
        <xsl:sequence select="lg:dc('language', .)"/>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '546')">
      <xsl:sequence select="lg:dc('language', lg:chop(lg:join(lg:sf(., 'ab'))))"/>
    </xsl:for-each>

    <!-- relation: other formats (530), linking entries (76X-78X except 786),
         series, related resources on the web -->
    <xsl:for-each select="lg:fields($r, '530')">
      <xsl:sequence select="lg:dc('relation', lg:join(lg:sf(., 'abcdu')))"/>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, ('760', '762', '765', '767', '770', '772', '773', '774',
                                      '775', '776', '777', '780', '785', '787'))">
      <xsl:sequence select="lg:dc('relation', lg:chop(lg:join(lg:sf(., 'to'))))"/>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, ('440', '490'))">
      <xsl:sequence select="lg:dc('relation', lg:chop(lg:join(lg:sf(., 'anpv'))))"/>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, ('800', '810', '811', '830'))">
      <xsl:sequence select="lg:dc('relation', lg:chop(lg:join(lg:alpha(., 'ehiuwx'))))"/>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '856')[@ind2 = '2'] ! marc:subfield[@code = 'u']">
      <xsl:sequence select="lg:dc('relation', iri-to-uri(normalize-space(.)))"/>
    </xsl:for-each>

    <!-- coverage: chronological and geographic headings, hierarchical places -->
    <xsl:for-each select="lg:fields($r, ('648', '651'))">
      <xsl:sequence select="lg:dc('coverage', lg:heading(., 'a'))"/>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, ('662', '752'))">
      <xsl:sequence select="lg:dc('coverage', string-join(lg:sf(., 'abcdfgh') ! lg:chop(.), '--'))"/>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '751')">
      <xsl:sequence select="lg:dc('coverage', lg:chop(lg:join(lg:sf(., 'a'))))"/>
    </xsl:for-each>

    <!-- rights: access restrictions, terms of use -->
    <xsl:for-each select="lg:fields($r, ('506', '540'))">
      <xsl:sequence select="lg:dc('rights', lg:join(lg:alpha(., '')))"/>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
