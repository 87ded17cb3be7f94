<?xml version="1.0" encoding="UTF-8"?>
<!--
  MARCXML record -> MODS 3.7 (http://www.loc.gov/mods/v3).

  Input: one MARC 21 bibliographic record in MARCXML (a <record>, or a
  <collection> whose first record is used). Output: one <mods version="3.7">,
  valid against mods-3-7.xsd.

  Follows the Library of Congress "MARC 21 to MODS 3.7 Mapping" for the common
  elements; xslt/README.md lists what is mapped and what is not. Vernacular
  880 fields produce the same MODS element as the field they are linked to,
  right after it, both carrying altRepGroup (the $6 occurrence number) and the
  880 version a script attribute (ISO 15924). Unlinked 880s carry only script.
  relatedItem allows neither attribute, so there they go on its titleInfo.

  Every element is built from non-empty data only, and recordInfo (which always
  has recordOrigin) guarantees that <mods> is never empty.

  Batch mode: call the initial template lg:batch with the stylesheet parameter
  lg:records (MARCXML strings) to get one serialized <mods> per record.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:marc="http://www.loc.gov/MARC21/slim"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:lg="urn:x-libgate:xslt"
    xmlns="http://www.loc.gov/mods/v3"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:include href="_marc-utils.xsl"/>

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

  <!-- The named templates below run with the record as context item. -->
  <xsl:template match="marc:record">
    <mods version="3.7"
        xsi:schemaLocation="http://www.loc.gov/mods/v3 http://www.loc.gov/standards/mods/v3/mods-3-7.xsd">
      <xsl:call-template name="titles"/>
      <xsl:call-template name="names"/>
      <xsl:call-template name="type-of-resource"/>
      <xsl:call-template name="genres"/>
      <xsl:call-template name="origin-info"/>
      <xsl:call-template name="languages"/>
      <xsl:call-template name="physical-description"/>
      <xsl:call-template name="abstracts"/>
      <xsl:call-template name="tables-of-contents"/>
      <xsl:call-template name="target-audiences"/>
      <xsl:call-template name="notes"/>
      <xsl:call-template name="subjects"/>
      <xsl:call-template name="classifications"/>
      <xsl:call-template name="related-items"/>
      <xsl:call-template name="identifiers"/>
      <xsl:call-template name="locations"/>
      <xsl:call-template name="access-conditions"/>
      <xsl:call-template name="record-info"/>
    </mods>
  </xsl:template>

  <!-- ===================================================== shared pieces -->

  <!--
    altRepGroup / script for the context field (see the header); altRepGroup only
    when the partner field has data too. $part: the element
    is made from part of the field only ($c of a 245 as a note), so it gets a group
    of its own, and only when the partner field has that part too.
  -->
  <xsl:template name="alt-rep">
    <xsl:param name="part" as="xs:string" select="''"/>
    <xsl:if test="marc:subfield[@code = '6']">
      <xsl:variable name="partner" select="lg:partner(.)"/>
      <!-- a partner with no data (a 500 holding only $6) would leave this element alone in its group -->
      <xsl:if test="if (empty($partner)) then false()
                    else normalize-space(string-join(if ($part) then lg:sf($partner, $part) else lg:alpha($partner, ''))) != ''">
        <xsl:attribute name="altRepGroup" select="lg:occ(.) || (if ($part) then '-' || $part else '')"/>
      </xsl:if>
      <xsl:if test="@tag = '880'">
        <xsl:variable name="script" select="lg:script(.)"/>
        <xsl:if test="$script">
          <xsl:attribute name="script" select="$script"/>
        </xsl:if>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- A child element with a value, or nothing when the value is empty. -->
  <xsl:function name="lg:el" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:if test="$v">
      <xsl:element name="{$name}" namespace="http://www.loc.gov/mods/v3">
        <xsl:value-of select="$v"/>
      </xsl:element>
    </xsl:if>
  </xsl:function>

  <!-- authority attribute from a 6XX second indicator (7: the source in $2). -->
  <xsl:function name="lg:subject-authority" as="xs:string?">
    <xsl:param name="f" as="element(marc:datafield)"/>
    <xsl:sequence select="
        if ($f/@ind2 = '7') then normalize-space($f/marc:subfield[@code = '2'][1])[.]
        else lg:lookup('|0=lcsh|1=lcshac|2=mesh|3=nal|5=csh|6=rvm|', string($f/@ind2))"/>
  </xsl:function>

  <xsl:function name="lg:is-http" as="xs:boolean">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="t" select="normalize-space($s)"/>
    <xsl:sequence select="(starts-with($t, 'http://') or starts-with($t, 'https://')) and not(contains($t, ' '))"/>
  </xsl:function>

  <!-- valueURI from a $0 (or $1) that is a real http(s) URI. -->
  <xsl:template name="value-uri">
    <xsl:variable name="uri" select="(marc:subfield[@code = ('0', '1')][lg:is-http(.)])[1]"/>
    <xsl:if test="$uri">
      <xsl:attribute name="valueURI" select="iri-to-uri(normalize-space($uri))"/>
    </xsl:if>
  </xsl:template>

  <!--
    titleInfo children from the given subfields: $a starts the title, $b the
    subTitle, $n a partNumber, $p a partName; other subfields ($f $g $k $s ...)
    belong to the element they follow; in series entries $v (volume) is a
    partNumber too. $nonfiling is the count of leading
    characters to put in nonSort.
  -->
  <xsl:function name="lg:title-parts" as="element()*">
    <xsl:param name="sfs" as="element(marc:subfield)*"/>
    <xsl:param name="nonfiling" as="xs:integer"/>
    <xsl:for-each-group select="$sfs" group-starting-with="marc:subfield[@code = ('a', 'b', 'n', 'p', 'v')]">
      <xsl:variable name="kind" select="if (@code = ('b', 'n', 'p')) then string(@code) else if (@code = 'v') then 'n' else 'a'"/>
      <xsl:variable name="text" select="lg:chop(lg:join(current-group()))"/>
      <xsl:choose>
        <xsl:when test="$kind = 'a' and position() = 1 and $nonfiling gt 0
                        and string-length($text) gt $nonfiling">
          <nonSort xml:space="preserve">{substring($text, 1, $nonfiling)}</nonSort>
          <xsl:sequence select="lg:el('title', substring($text, $nonfiling + 1))"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="lg:el(lg:lookup('|a=title|b=subTitle|n=partNumber|p=partName|', $kind), $text)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each-group>
  </xsl:function>

  <xsl:function name="lg:nonfiling" as="xs:integer">
    <xsl:param name="ind" as="attribute()?"/>
    <xsl:sequence select="if (string-length($ind) = 1 and contains('123456789', $ind)) then xs:integer($ind) else 0"/>
  </xsl:function>

  <!-- A titleInfo from the context field, if it has any content. -->
  <xsl:template name="title-info">
    <xsl:param name="codes" as="xs:string" select="''"/>
    <xsl:param name="sfs" as="element(marc:subfield)*" select="lg:sf(., $codes)"/>
    <xsl:param name="nonfiling" as="xs:integer" select="0"/>
    <xsl:param name="type" as="xs:string?" select="()"/>
    <xsl:param name="extra" as="attribute()*" select="()"/>
    <xsl:variable name="parts" select="lg:title-parts($sfs, $nonfiling)"/>
    <xsl:if test="exists($parts)">
      <titleInfo>
        <xsl:if test="$type">
          <xsl:attribute name="type" select="$type"/>
        </xsl:if>
        <xsl:sequence select="$extra"/>
        <xsl:call-template name="alt-rep"/>
        <xsl:sequence select="$parts"/>
      </titleInfo>
    </xsl:if>
  </xsl:template>

  <!-- The title part of a name/title field: $t and the title subfields after it. -->
  <xsl:function name="lg:title-after-t" as="element(marc:subfield)*">
    <xsl:param name="f" as="element(marc:datafield)"/>
    <xsl:param name="codes" as="xs:string"/>
    <xsl:sequence select="lg:sf($f, $codes)[@code = 't' or preceding-sibling::marc:subfield[@code = 't']]"/>
  </xsl:function>

  <!-- Name/title added entries (7XX with $t): 2nd indicator 2 means a contained work. -->
  <xsl:function name="lg:name-titles" as="element(marc:datafield)*">
    <xsl:param name="r" as="element(marc:record)"/>
    <xsl:sequence select="lg:fields($r, ('700', '710', '711'))[marc:subfield[@code = 't']]"/>
  </xsl:function>

  <!-- nameTitleGroup of a name/title added entry ("1" is the 1XX with 240). -->
  <xsl:function name="lg:name-title-group" as="xs:string">
    <xsl:param name="f" as="element(marc:datafield)"/>
    <xsl:variable name="all" select="lg:name-titles($f/..)"/>
    <xsl:sequence select="string(1 + (for $i in 1 to count($all) return $i[$all[$i] is $f]))"/>
  </xsl:function>

  <!-- <name> from the context field (1XX, 7XX, 8XX, 6XX name part). -->
  <xsl:template name="name">
    <xsl:param name="usage" as="xs:boolean" select="false()"/>
    <xsl:param name="group" as="xs:string?" select="()"/>
    <xsl:param name="alt" as="xs:boolean" select="true()"/>
    <xsl:param name="uri" as="xs:boolean" select="true()"/>
    <xsl:variable name="kind" select="substring(lg:tag(.), 2, 2)"/>
    <xsl:variable name="sfs" select="lg:name-subfields(.)"/>
    <xsl:variable name="parts" as="element()*">
      <xsl:choose>
        <xsl:when test="$kind = '00'">
          <xsl:sequence select="lg:el('namePart', lg:chop(lg:join($sfs[@code = ('a', 'q')])))"/>
          <xsl:for-each select="$sfs[@code = ('b', 'c')]">
            <namePart type="termsOfAddress">{lg:chop(.)}</namePart>
          </xsl:for-each>
          <xsl:for-each select="$sfs[@code = 'd'][normalize-space()]">
            <namePart type="date">{lg:chop(.)}</namePart>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="$kind = '10'">
          <xsl:for-each select="$sfs[@code = ('a', 'b')]">
            <xsl:sequence select="lg:el('namePart', lg:chop(.))"/>
          </xsl:for-each>
          <xsl:sequence select="lg:el('namePart', lg:chop(lg:join($sfs[@code = ('c', 'd', 'g', 'n')])))"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="lg:el('namePart', lg:chop(lg:join($sfs)))"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="exists($parts[normalize-space()])">
      <name>
        <xsl:choose>
          <xsl:when test="$kind = '00'">
            <xsl:attribute name="type" select="if (@ind1 = '3') then 'family' else 'personal'"/>
          </xsl:when>
          <xsl:when test="$kind = '10'"><xsl:attribute name="type">corporate</xsl:attribute></xsl:when>
          <xsl:when test="$kind = '11'"><xsl:attribute name="type">conference</xsl:attribute></xsl:when>
          <xsl:when test="@ind1 = '1'"><xsl:attribute name="type">personal</xsl:attribute></xsl:when>
        </xsl:choose>
        <xsl:if test="$usage and not(@tag = '880')">
          <xsl:attribute name="usage">primary</xsl:attribute>
        </xsl:if>
        <xsl:if test="$group">
          <xsl:attribute name="nameTitleGroup" select="$group"/>
        </xsl:if>
        <xsl:if test="$uri">
          <xsl:call-template name="value-uri"/>
        </xsl:if>
        <xsl:if test="$alt">
          <xsl:call-template name="alt-rep"/>
        </xsl:if>
        <xsl:sequence select="$parts"/>
        <!-- relator terms: $e ($j in conference names, where $e is a subordinate unit) and codes in $4 -->
        <xsl:for-each select="marc:subfield[@code = (if ($kind = '11') then 'j' else 'e')][normalize-space()]">
          <role><roleTerm type="text" authority="marcrelator">{lg:chop(.)}</roleTerm></role>
        </xsl:for-each>
        <xsl:for-each select="marc:subfield[@code = '4'][normalize-space()]">
          <role><roleTerm type="code" authority="marcrelator">{normalize-space(.)}</roleTerm></role>
        </xsl:for-each>
      </name>
    </xsl:if>
  </xsl:template>

  <!-- ===================================================== titleInfo -->

  <xsl:template name="titles">
    <xsl:variable name="r" select="."/>
    <xsl:for-each select="lg:fields($r, '245')">
      <xsl:call-template name="title-info">
        <xsl:with-param name="codes" select="'abfgknps'"/>
        <xsl:with-param name="nonfiling" select="lg:nonfiling(@ind2)"/>
        <xsl:with-param name="extra" as="attribute()*">
          <xsl:if test="not(@tag = '880')"><xsl:attribute name="usage">primary</xsl:attribute></xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '210')">
      <xsl:call-template name="title-info">
        <xsl:with-param name="codes" select="'ab'"/>
        <xsl:with-param name="type" select="'abbreviated'"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '242')">
      <xsl:call-template name="title-info">
        <xsl:with-param name="codes" select="'abnp'"/>
        <xsl:with-param name="nonfiling" select="lg:nonfiling(@ind2)"/>
        <xsl:with-param name="type" select="'translated'"/>
      </xsl:call-template>
    </xsl:for-each>
    <!-- uniform titles: 130 (nonfiling in ind1), 240 (paired with the 1XX name), 730 -->
    <xsl:for-each select="lg:fields($r, '130')">
      <xsl:call-template name="title-info">
        <xsl:with-param name="codes" select="'adfgklmnoprs'"/>
        <xsl:with-param name="nonfiling" select="lg:nonfiling(@ind1)"/>
        <xsl:with-param name="type" select="'uniform'"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '240')">
      <xsl:call-template name="title-info">
        <xsl:with-param name="codes" select="'adfgklmnoprs'"/>
        <xsl:with-param name="nonfiling" select="lg:nonfiling(@ind2)"/>
        <xsl:with-param name="type" select="'uniform'"/>
        <xsl:with-param name="extra" as="attribute()*">
          <xsl:if test="exists(lg:fields($r, ('100', '110', '111')))">
            <xsl:attribute name="nameTitleGroup">1</xsl:attribute>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '730')[not(@ind2 = '2')]">
      <xsl:call-template name="title-info">
        <xsl:with-param name="codes" select="'adfgklmnoprs'"/>
        <xsl:with-param name="nonfiling" select="lg:nonfiling(@ind1)"/>
        <xsl:with-param name="type" select="'uniform'"/>
      </xsl:call-template>
    </xsl:for-each>
    <!-- the title half of a name/title added entry that is not a contained work -->
    <xsl:for-each select="lg:name-titles($r)[not(@ind2 = '2')]">
      <xsl:call-template name="title-info">
        <xsl:with-param name="sfs" select="lg:title-after-t(., 'tfklmnoprs')"/>
        <xsl:with-param name="type" select="'uniform'"/>
        <xsl:with-param name="extra" as="attribute()*">
          <xsl:attribute name="nameTitleGroup" select="lg:name-title-group(.)"/>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <!-- variant titles: 246 (parallel titles, 2nd indicator 1, are translations), 740 -->
    <xsl:for-each select="lg:fields($r, '246')">
      <xsl:call-template name="title-info">
        <xsl:with-param name="codes" select="'abfgnp'"/>
        <xsl:with-param name="type" select="if (@ind2 = '1') then 'translated' else 'alternative'"/>
        <xsl:with-param name="extra" as="attribute()*">
          <xsl:variable name="label" select="lg:chop(marc:subfield[@code = 'i'][1])"/>
          <xsl:if test="$label"><xsl:attribute name="displayLabel" select="$label"/></xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '740')[not(@ind2 = '2')]">
      <xsl:call-template name="title-info">
        <xsl:with-param name="codes" select="'anp'"/>
        <xsl:with-param name="nonfiling" select="lg:nonfiling(@ind1)"/>
        <xsl:with-param name="type" select="'alternative'"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- ===================================================== name -->

  <xsl:template name="names">
    <xsl:variable name="r" select="."/>
    <xsl:variable name="has-240" select="exists(lg:fields($r, '240'))"/>
    <xsl:for-each select="lg:fields($r, ('100', '110', '111'))">
      <xsl:call-template name="name">
        <xsl:with-param name="usage" select="true()"/>
        <xsl:with-param name="group" select="if ($has-240) then '1' else ()"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, ('700', '710', '711', '720'))">
      <xsl:choose>
        <!-- a contained work: the name goes into relatedItem type="constituent" -->
        <xsl:when test="marc:subfield[@code = 't'] and @ind2 = '2'"/>
        <xsl:when test="marc:subfield[@code = 't']">
          <xsl:call-template name="name">
            <xsl:with-param name="group" select="lg:name-title-group(.)"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="name"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- ===================================================== typeOfResource -->

  <xsl:template name="type-of-resource">
    <xsl:variable name="r" select="."/>
    <xsl:variable name="l6" select="lg:l6($r)"/>
    <xsl:variable name="type" select="lg:lookup('|a=text|t=text|c=notated music|d=notated music|e=cartographic'
        || '|f=cartographic|g=moving image|i=sound recording-nonmusical|j=sound recording-musical'
        || '|k=still image|m=software, multimedia|o=mixed material|p=mixed material|r=three dimensional object|', $l6)"/>
    <xsl:if test="$type">
      <typeOfResource>
        <xsl:if test="lg:l7($r) = 'c'"><xsl:attribute name="collection">yes</xsl:attribute></xsl:if>
        <xsl:if test="$l6 = ('d', 'f', 'p', 't')"><xsl:attribute name="manuscript">yes</xsl:attribute></xsl:if>
        <xsl:value-of select="$type"/>
      </typeOfResource>
    </xsl:if>
  </xsl:template>

  <!-- ===================================================== genre -->

  <!-- 008 codes -> MARC genre terms (authority marcgt) -->
  <xsl:variable name="bk-contents" as="xs:string" select="
      '|a=abstract or summary|b=bibliography|c=catalog|d=dictionary|e=encyclopedia|f=handbook'
      || '|g=legal article|i=index|j=patent|k=discography|l=legislation|m=theses|n=survey of literature'
      || '|o=review|p=programmed text|q=filmography|r=directory|s=statistics|t=technical report'
      || '|u=standard or specification|v=legal case and case notes|w=law report or digest|z=treaty|'"/>
  <xsl:variable name="bk-literary-form" as="xs:string" select="
      '|1=fiction|c=comic or graphic novel|d=drama|e=essay|f=novel|h=humor, satire|i=letter'
      || '|j=short story|p=poetry|s=speech|'"/>
  <xsl:variable name="vm-type" as="xs:string" select="
      '|a=art original|b=kit|c=art reproduction|d=diorama|f=filmstrip|g=game|i=picture|k=graphic'
      || '|l=technical drawing|m=motion picture|n=chart|o=flash card|p=microscope slide|q=model'
      || '|r=realia|s=slide|t=transparency|v=videorecording|w=toy|'"/>

  <xsl:template name="genres">
    <xsl:variable name="r" select="."/>
    <xsl:variable name="f008" select="lg:f008($r)"/>
    <xsl:variable name="config" select="lg:config($r)"/>
    <xsl:variable name="terms" as="xs:string*">
      <xsl:choose>
        <xsl:when test="$config = 'BK'">
          <xsl:sequence select="for $i in 25 to 28 return lg:lookup($bk-contents, substring($f008, $i, 1))"/>
          <xsl:if test="substring($f008, 30, 1) = '1'">conference publication</xsl:if>
          <xsl:if test="substring($f008, 31, 1) = '1'">festschrift</xsl:if>
          <xsl:sequence select="lg:lookup($bk-literary-form, substring($f008, 34, 1))"/>
          <xsl:sequence select="lg:lookup('|a=autobiography|b=biography|c=biography|d=biography|', substring($f008, 35, 1))"/>
        </xsl:when>
        <xsl:when test="$config = 'SE'">
          <xsl:sequence select="lg:lookup('|d=database|l=loose-leaf|m=series|n=newspaper|p=periodical|w=web site|',
                                          substring($f008, 22, 1))"/>
          <xsl:if test="substring($f008, 30, 1) = '1'">conference publication</xsl:if>
        </xsl:when>
        <xsl:when test="$config = 'MP'">
          <xsl:sequence select="lg:lookup('|a=map|b=map|c=map|d=globe|e=atlas|', substring($f008, 26, 1))"/>
        </xsl:when>
        <xsl:when test="$config = 'CF'">
          <xsl:sequence select="lg:lookup('|a=numeric data|e=database|f=font|g=game|j=online system or service|',
                                          substring($f008, 27, 1))"/>
        </xsl:when>
        <xsl:when test="$config = 'VM'">
          <xsl:sequence select="lg:lookup($vm-type, substring($f008, 34, 1))"/>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:for-each select="distinct-values($terms)">
      <genre authority="marcgt">{.}</genre>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '655')">
      <xsl:variable name="heading" select="lg:heading(., 'ab')"/>
      <xsl:if test="$heading">
        <genre>
          <xsl:variable name="auth" select="lg:subject-authority(.)"/>
          <xsl:if test="$auth"><xsl:attribute name="authority" select="$auth"/></xsl:if>
          <xsl:call-template name="value-uri"/>
          <xsl:call-template name="alt-rep"/>
          <xsl:value-of select="$heading"/>
        </genre>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ===================================================== originInfo -->

  <!-- 008/18 of continuing resources (authority marcfrequency) -->
  <xsl:variable name="frequencies" as="xs:string" select="
      '|a=Annual|b=Bimonthly|c=Semiweekly|d=Daily|e=Biweekly|f=Semiannual|g=Biennial|h=Triennial'
      || '|i=Three times a week|j=Three times a month|k=Continuously updated|m=Monthly|q=Quarterly'
      || '|s=Semimonthly|t=Three times a year|w=Weekly|z=Other|'"/>

  <!-- dateIssued, or dateCreated for manuscripts (leader/06 d, f, p, t) -->
  <xsl:function name="lg:date-element" as="xs:string">
    <xsl:param name="r" as="element(marc:record)"/>
    <xsl:sequence select="if (lg:l6($r) = ('d', 'f', 'p', 't')) then 'dateCreated' else 'dateIssued'"/>
  </xsl:function>

  <!-- A date from 008 (4 characters, digits or 'u', not all 'u'). -->
  <xsl:function name="lg:marc-date" as="xs:string?">
    <xsl:param name="d" as="xs:string"/>
    <xsl:sequence select="if (string-length($d) = 4 and translate($d, '0123456789u', '') = '' and $d != 'uuuu')
                          then $d else ()"/>
  </xsl:function>

  <!-- 264 2nd indicator -> originInfo/@eventType -->
  <xsl:variable name="event-types" as="xs:string"
      select="'|0=production|1=publication|2=distribution|3=manufacture|4=publication|'"/>

  <!-- place/publisher/date of one 260 or 264 statement -->
  <xsl:template name="imprint">
    <xsl:param name="date-name" as="xs:string"/>
    <xsl:for-each select="marc:subfield[@code = 'a'][normalize-space()]">
      <place><placeTerm type="text">{lg:chop(.)}</placeTerm></place>
    </xsl:for-each>
    <xsl:for-each select="marc:subfield[@code = 'b']">
      <xsl:sequence select="lg:el('publisher', lg:chop(.))"/>
    </xsl:for-each>
    <xsl:for-each select="marc:subfield[@code = 'c']">
      <xsl:choose>
        <xsl:when test="$date-name = 'dateOther'">
          <xsl:variable name="v" select="lg:chop(.)"/>
          <xsl:if test="$v">
            <dateOther type="{lg:lookup($event-types, string(../@ind2))}">{$v}</dateOther>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="lg:el($date-name, lg:chop(.))"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="origin-info">
    <xsl:variable name="r" select="."/>
    <xsl:variable name="imprints" select="lg:fields($r, ('260', '264'))"/>
    <xsl:variable name="main" select="$imprints[not(@tag = '880')][lg:tag(.) = '260' or @ind2 = ('1', '4')]"/>
    <xsl:variable name="f008" select="lg:f008($r)"/>
    <xsl:variable name="l7" select="lg:l7($r)"/>
    <xsl:variable name="date-element" select="lg:date-element($r)"/>
    <xsl:variable name="type" select="substring($f008, 7, 1)"/>
    <xsl:variable name="d1" select="lg:marc-date(substring($f008, 8, 4))"/>
    <xsl:variable name="d2" select="lg:marc-date(substring($f008, 12, 4))"/>
    <xsl:variable name="country" select="normalize-space(substring($f008, 16, 3))"/>
    <xsl:variable name="content" as="element()*">
      <xsl:if test="(lg:letters($country, 2) or lg:letters($country, 3)) and $country != 'xx'">
        <place><placeTerm type="code" authority="marccountry">{$country}</placeTerm></place>
      </xsl:if>
      <xsl:for-each select="$main[lg:tag(.) = '260' or @ind2 = '1']">
        <xsl:call-template name="imprint">
          <xsl:with-param name="date-name" select="$date-element"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:choose>
        <xsl:when test="empty($d1)"/>
        <xsl:when test="$type = ('c', 'd', 'i', 'k', 'm', 'q', 'u')">
          <xsl:element name="{$date-element}" namespace="http://www.loc.gov/mods/v3">
            <xsl:attribute name="encoding">marc</xsl:attribute>
            <xsl:attribute name="point">start</xsl:attribute>
            <xsl:attribute name="keyDate">yes</xsl:attribute>
            <xsl:value-of select="$d1"/>
          </xsl:element>
          <xsl:if test="exists($d2) and $d2 != '9999'">
            <xsl:element name="{$date-element}" namespace="http://www.loc.gov/mods/v3">
              <xsl:attribute name="encoding">marc</xsl:attribute>
              <xsl:attribute name="point">end</xsl:attribute>
              <xsl:value-of select="$d2"/>
            </xsl:element>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$type = ('e', 'p', 'r', 's', 't')">
          <xsl:element name="{$date-element}" namespace="http://www.loc.gov/mods/v3">
            <xsl:attribute name="encoding">marc</xsl:attribute>
            <xsl:attribute name="keyDate">yes</xsl:attribute>
            <xsl:value-of select="$d1"/>
          </xsl:element>
        </xsl:when>
      </xsl:choose>
      <xsl:for-each select="$main[lg:tag(.) = '264'][@ind2 = '4'] ! marc:subfield[@code = 'c']">
        <xsl:sequence select="lg:el('copyrightDate', lg:chop(.))"/>
      </xsl:for-each>
      <xsl:if test="$type = 't' and exists($d2)">
        <copyrightDate encoding="marc">{$d2}</copyrightDate>
      </xsl:if>
      <xsl:for-each select="lg:fields($r, '250')[not(@tag = '880')]">
        <xsl:sequence select="lg:el('edition', lg:chop(lg:join(lg:sf(., 'ab'))))"/>
      </xsl:for-each>
      <xsl:choose>
        <xsl:when test="$l7 = ('a', 'c', 'd')"><issuance>monographic</issuance></xsl:when>
        <xsl:when test="$l7 = 'm' and substring(lg:leader($r), 20, 1) = ('a', 'b', 'c')"><issuance>multipart monograph</issuance></xsl:when>
        <xsl:when test="$l7 = 'm'"><issuance>single unit</issuance></xsl:when>
        <xsl:when test="$l7 = ('b', 's')"><issuance>serial</issuance></xsl:when>
        <xsl:when test="$l7 = 'i'"><issuance>integrating resource</issuance></xsl:when>
      </xsl:choose>
      <xsl:for-each select="lg:fields($r, '310')[not(@tag = '880')]">
        <xsl:sequence select="lg:el('frequency', lg:chop(lg:join(lg:sf(., 'ab'))))"/>
      </xsl:for-each>
      <xsl:if test="lg:config($r) = 'SE'">
        <xsl:variable name="freq" select="lg:lookup($frequencies, substring($f008, 19, 1))"/>
        <xsl:if test="$freq">
          <frequency authority="marcfrequency">{$freq}</frequency>
        </xsl:if>
      </xsl:if>
    </xsl:variable>
    <xsl:if test="exists($content)">
      <originInfo eventType="publication">
        <!-- paired with the vernacular originInfo below through the same field's $6 -->
        <xsl:for-each select="($main[lg:tag(.) = '260' or @ind2 = '1'], lg:fields($r, ('250', '310'))[not(@tag = '880')])[lg:paired(.)][1]">
          <xsl:call-template name="alt-rep"/>
        </xsl:for-each>
        <xsl:sequence select="$content"/>
      </originInfo>
    </xsl:if>
    <!-- other events of a 264 (production, distribution, manufacture) -->
    <xsl:for-each select="$imprints[not(@tag = '880')][lg:tag(.) = '264'][@ind2 = ('0', '2', '3')]">
      <xsl:variable name="parts" as="element()*">
        <xsl:call-template name="imprint">
          <xsl:with-param name="date-name" select="'dateOther'"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:if test="exists($parts)">
        <originInfo eventType="{lg:lookup($event-types, string(@ind2))}">
          <xsl:call-template name="alt-rep"/>
          <xsl:sequence select="$parts"/>
        </originInfo>
      </xsl:if>
    </xsl:for-each>
    <!-- vernacular publication statement, edition and frequency: one originInfo, the
         counterpart of the main one -->
    <xsl:variable name="v-pub" select="$imprints[@tag = '880'][lg:tag(.) = '260' or @ind2 = ('1', '4')]"/>
    <xsl:variable name="v-other" select="lg:fields($r, ('250', '310'))[@tag = '880']"/>
    <xsl:variable name="v-parts" as="element()*">
      <xsl:for-each select="$v-pub">
        <xsl:call-template name="imprint">
          <xsl:with-param name="date-name" select="if (lg:tag(.) = '264' and @ind2 = '4') then 'copyrightDate' else $date-element"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$v-other">
        <xsl:sequence select="lg:el(if (lg:tag(.) = '250') then 'edition' else 'frequency', lg:chop(lg:join(lg:sf(., 'ab'))))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($v-parts)">
      <originInfo>
        <xsl:if test="exists($v-pub)"><xsl:attribute name="eventType">publication</xsl:attribute></xsl:if>
        <xsl:for-each select="(($v-pub, $v-other)[lg:paired(.)], $v-pub, $v-other)[1]">
          <xsl:call-template name="alt-rep"/>
        </xsl:for-each>
        <xsl:sequence select="$v-parts"/>
      </originInfo>
    </xsl:if>
    <!-- vernacular production, distribution, manufacture statements -->
    <xsl:for-each select="$imprints[@tag = '880'][lg:tag(.) = '264'][@ind2 = ('0', '2', '3')]">
      <xsl:variable name="parts" as="element()*">
        <xsl:call-template name="imprint">
          <xsl:with-param name="date-name" select="'dateOther'"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:if test="exists($parts)">
        <originInfo eventType="{lg:lookup($event-types, string(@ind2))}">
          <xsl:call-template name="alt-rep"/>
          <xsl:sequence select="$parts"/>
        </originInfo>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ===================================================== language -->

  <xsl:template name="languages">
    <xsl:variable name="r" select="."/>
    <!-- "code|objectPart|authority" strings, 008 first, then 041; duplicates dropped -->
    <xsl:variable name="langs" as="xs:string*">
      <xsl:sequence select="lg:lang-008($r) ! (. || '||iso639-2b')"/>
      <xsl:for-each select="lg:fields($r, '041')[not(@tag = '880')]">
        <xsl:variable name="source" select="normalize-space(marc:subfield[@code = '2'][1])"/>
        <!-- the authority attribute only takes the values the schema lists -->
        <xsl:variable name="auth" select="if (@ind2 = '7')
            then (if ($source = ('iso639-3', 'rfc3066', 'rfc4646', 'rfc5646')) then $source else '')
            else 'iso639-2b'"/>
        <xsl:for-each select="marc:subfield[@code = ('a', 'b', 'd', 'e', 'f', 'g', 'j')]">
          <xsl:variable name="part" select="(lg:lookup('|b=summary|d=sung or spoken text|e=libretto'
              || '|f=table of contents|g=accompanying material|j=subtitle or caption|', string(@code)), '')[1]"/>
          <xsl:variable name="codes" select="if ($auth = 'iso639-2b') then lg:lang-codes(.)
                                             else translate(normalize-space(.), '|', '')[.]"/>
          <xsl:sequence select="$codes ! (. || '|' || $part || '|' || $auth)"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="distinct-values($langs)">
      <xsl:variable name="v" select="tokenize(., '\|')"/>
      <language>
        <xsl:if test="$v[2]"><xsl:attribute name="objectPart" select="$v[2]"/></xsl:if>
        <languageTerm type="code">
          <xsl:if test="$v[3]"><xsl:attribute name="authority" select="$v[3]"/></xsl:if>
          <xsl:value-of select="$v[1]"/>
        </languageTerm>
      </language>
    </xsl:for-each>
  </xsl:template>

  <!-- ===================================================== physicalDescription -->

  <!-- 007/00-01 -> specific material designation (authority marcsmd) -->
  <xsl:variable name="smd" as="xs:string" select="
      '|ad=atlas|ag=diagram|aj=map|ak=profile|aq=model|ar=remote-sensing image|as=section|ay=view'
      || '|ca=tape cartridge|cb=chip cartridge|cc=computer optical disc cartridge|cd=computer disc'
      || '|ce=computer disc cartridge|cf=tape cassette|ch=tape reel|ck=computer card'
      || '|cm=magneto-optical disc|co=optical disc|cr=remote|cz=other'
      || '|da=celestial globe|db=planetary or lunar globe|dc=terrestrial globe|de=earth moon globe'
      || '|fa=moon|fb=braille|fc=combination|fd=tactile, with no writing system'
      || '|gc=filmstrip cartridge|gd=filmslip|gf=other filmstrip type|go=filmstrip roll|gs=slide|gt=transparency'
      || '|ha=aperture card|hb=microfilm cartridge|hc=microfilm cassette|hd=microfilm reel|he=microfiche'
      || '|hf=microfiche cassette|hg=microopaque|hh=microfilm slip|hj=microfilm roll'
      || '|kc=collage|kd=drawing|ke=painting|kf=photomechanical print|kg=photonegative|kh=photoprint'
      || '|ki=picture|kj=print|kk=poster|kl=technical drawing|kn=chart|ko=flash card|kp=postcard|kq=icon'
      || '|kr=radiograph|ks=study print|kv=photograph'
      || '|mc=film cartridge|mf=film cassette|mo=film roll|mr=film reel'
      || '|sd=sound disc|se=cylinder|sg=sound cartridge|si=sound-track film|sq=roll|sr=remote'
      || '|ss=sound cassette|st=sound-tape reel|sw=wire recording'
      || '|ta=regular print|tb=large print|tc=braille|td=loose-leaf'
      || '|vc=videocartridge|vd=videodisc|vf=videocassette|vr=videoreel|'"/>

  <!-- 008 form of item (position 23, or 29 for maps and visual materials) -> marcform -->
  <xsl:variable name="marcform" as="xs:string" select="
      '|a=microfilm|b=microfiche|c=microopaque|d=large print|f=braille|o=online|q=direct electronic'
      || '|r=regular print reproduction|s=electronic|'"/>

  <xsl:template name="physical-description">
    <xsl:variable name="r" select="."/>
    <xsl:variable name="config" select="lg:config($r)"/>
    <xsl:variable name="f008" select="lg:f008($r)"/>
    <xsl:variable name="form-of-item" select="if ($config = ('MP', 'VM')) then substring($f008, 30, 1)
                                              else if ($config = ('BK', 'SE', 'MU', 'MM', 'CF')) then substring($f008, 24, 1)
                                              else ''"/>
    <xsl:variable name="forms" as="xs:string*">
      <xsl:sequence select="lg:lookup($marcform, $form-of-item)"/>
      <xsl:if test="$form-of-item = ' ' and ($config = ('BK', 'SE') or lg:l6($r) = ('c', 'd'))">print</xsl:if>
    </xsl:variable>
    <xsl:variable name="content" as="element()*">
      <xsl:for-each select="distinct-values($forms)">
        <form authority="marcform">{.}</form>
      </xsl:for-each>
      <xsl:for-each select="distinct-values(marc:controlfield[@tag = '007'] ! lg:lookup($smd, substring(., 1, 2)))">
        <form authority="marcsmd">{.}</form>
      </xsl:for-each>
      <xsl:for-each select="lg:fields($r, ('337', '338'))[not(@tag = '880')]">
        <xsl:variable name="type" select="if (lg:tag(.) = '337') then 'media' else 'carrier'"/>
        <xsl:variable name="auth" select="normalize-space(marc:subfield[@code = '2'][1])"/>
        <xsl:for-each select="marc:subfield[@code = 'a'][normalize-space()]">
          <form type="{$type}">
            <xsl:if test="$auth"><xsl:attribute name="authority" select="$auth"/></xsl:if>
            <xsl:value-of select="normalize-space(.)"/>
          </form>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:for-each select="distinct-values(lg:fields($r, '856') ! marc:subfield[@code = 'q'] ! normalize-space()[.])">
        <internetMediaType>{.}</internetMediaType>
      </xsl:for-each>
      <xsl:for-each select="lg:fields($r, '300')[not(@tag = '880')]">
        <xsl:sequence select="lg:el('extent', lg:chop(lg:join(lg:sf(., '3abcefg'))))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($content)">
      <physicalDescription>
        <xsl:for-each select="lg:fields($r, '300')[not(@tag = '880')][1]">
          <xsl:call-template name="alt-rep"/>
        </xsl:for-each>
        <xsl:sequence select="$content"/>
      </physicalDescription>
    </xsl:if>
    <xsl:for-each select="lg:fields($r, '300')[@tag = '880']">
      <xsl:variable name="extent" select="lg:el('extent', lg:chop(lg:join(lg:sf(., '3abcefg'))))"/>
      <xsl:if test="$extent">
        <physicalDescription>
          <xsl:call-template name="alt-rep"/>
          <xsl:sequence select="$extent"/>
        </physicalDescription>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ===================================================== abstract, tableOfContents, targetAudience -->

  <xsl:template name="abstracts">
    <xsl:variable name="r" select="."/>
    <xsl:for-each select="lg:fields($r, '520')">
      <xsl:variable name="text" select="lg:join(lg:sf(., 'ab'))"/>
      <xsl:if test="$text">
        <abstract>
          <xsl:variable name="type" select="lg:lookup('| =summary|0=subject|1=review|2=scope and content'
              || '|3=abstract|4=content advice|', string(@ind1))"/>
          <xsl:if test="$type"><xsl:attribute name="type" select="$type"/></xsl:if>
          <xsl:call-template name="alt-rep"/>
          <xsl:value-of select="$text"/>
        </abstract>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="tables-of-contents">
    <xsl:variable name="r" select="."/>
    <xsl:for-each select="lg:fields($r, '505')">
      <xsl:variable name="text" select="lg:join(lg:sf(., 'agrt'))"/>
      <xsl:if test="$text">
        <tableOfContents>
          <xsl:variable name="label" select="lg:lookup('|1=Incomplete contents|2=Partial contents|', string(@ind1))"/>
          <xsl:if test="$label"><xsl:attribute name="displayLabel" select="$label"/></xsl:if>
          <xsl:call-template name="alt-rep"/>
          <xsl:value-of select="$text"/>
        </tableOfContents>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="target-audiences">
    <xsl:variable name="r" select="."/>
    <xsl:if test="lg:config($r) = ('BK', 'CF', 'MU', 'VM')">
      <xsl:variable name="audience" select="lg:lookup('|a=preschool|b=primary|c=pre-adolescent|d=adolescent'
          || '|e=adult|f=specialized|g=general|j=juvenile|', substring(lg:f008($r), 23, 1))"/>
      <xsl:if test="$audience">
        <targetAudience authority="marctarget">{$audience}</targetAudience>
      </xsl:if>
    </xsl:if>
    <xsl:for-each select="lg:fields($r, '521')">
      <xsl:variable name="text" select="lg:chop(lg:join(lg:sf(., 'ab')))"/>
      <xsl:if test="$text">
        <targetAudience>
          <xsl:call-template name="alt-rep"/>
          <xsl:value-of select="$text"/>
        </targetAudience>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ===================================================== note -->

  <!-- note/@type per 5XX tag (MODS note type vocabulary); absent: a general note. -->
  <xsl:variable name="note-types" as="xs:string" select="
      '|362=date/sequential designation|501=with|502=thesis|504=bibliography|508=creation/production credits|510=citation/reference'
      || '|511=performers|513=type of report and period covered|515=numbering|518=venue'
      || '|524=preferred citation|525=supplement|530=additional physical form|533=reproduction'
      || '|534=original version|535=original location|536=funding|538=system details|541=acquisition'
      || '|544=related material|545=biographical/historical|546=language|547=former title'
      || '|550=issuing body|555=finding aids|556=documentation|561=ownership|562=version identification'
      || '|580=linking entry complexity|581=publications|583=action|584=accumulation and frequency of use'
      || '|585=exhibitions|586=awards|588=source of description|'"/>

  <xsl:template name="notes">
    <xsl:variable name="r" select="."/>
    <!-- the statement of responsibility of the title -->
    <xsl:for-each select="lg:fields($r, '245')">
      <xsl:variable name="sor" select="lg:chop(lg:join(lg:sf(., 'c')))"/>
      <xsl:if test="$sor">
        <note type="statement of responsibility">
          <xsl:call-template name="alt-rep">
            <xsl:with-param name="part" select="'c'"/>
          </xsl:call-template>
          <xsl:value-of select="$sor"/>
        </note>
      </xsl:if>
    </xsl:for-each>
    <!-- 5XX except those mapped elsewhere, and local notes (59X) -->
    <xsl:variable name="tags" select="'362', distinct-values(marc:datafield ! lg:tag(.))
        [starts-with(., '5') and not(starts-with(., '59')) and not(. = ('505', '506', '520', '521', '540'))]"/>
    <xsl:for-each select="lg:fields($r, $tags)">
      <xsl:variable name="text" select="lg:join(lg:alpha(., 'u'))"/>
      <xsl:if test="$text">
        <note>
          <xsl:variable name="type" select="lg:lookup($note-types, lg:tag(.))"/>
          <xsl:if test="$type"><xsl:attribute name="type" select="$type"/></xsl:if>
          <xsl:call-template name="alt-rep"/>
          <xsl:value-of select="$text"/>
        </note>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ===================================================== subject -->

  <!-- $v $x $y $z subdivisions of a 6XX as genre / topic / temporal / geographic -->
  <xsl:template name="subdivisions">
    <xsl:for-each select="marc:subfield[@code = ('v', 'x', 'y', 'z')]">
      <xsl:sequence select="lg:el(lg:lookup('|v=genre|x=topic|y=temporal|z=geographic|', string(@code)), lg:chop(.))"/>
    </xsl:for-each>
  </xsl:template>

  <!-- hierarchicalGeographic from 662/752 -->
  <xsl:template name="hierarchical-geographic">
    <xsl:variable name="parts" as="element()*">
      <xsl:for-each select="marc:subfield[@code = ('a', 'b', 'c', 'd', 'f', 'g', 'h')]">
        <xsl:sequence select="lg:el(lg:lookup('|a=country|b=state|c=county|d=city|f=citySection|g=area'
            || '|h=extraTerrestrialArea|', string(@code)), lg:chop(.))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($parts)">
      <hierarchicalGeographic>
        <xsl:sequence select="$parts"/>
      </hierarchicalGeographic>
    </xsl:if>
  </xsl:template>

  <xsl:template name="subjects">
    <xsl:variable name="r" select="."/>
    <xsl:for-each select="lg:fields($r, ('600', '610', '611', '630', '648', '650', '651', '653', '656', '662'))">
      <xsl:variable name="t" select="lg:tag(.)"/>
      <xsl:variable name="body" as="element()*">
        <xsl:choose>
          <xsl:when test="$t = ('600', '610', '611')">
            <xsl:call-template name="name">
              <xsl:with-param name="alt" select="false()"/>
              <xsl:with-param name="uri" select="false()"/>
            </xsl:call-template>
            <xsl:variable name="title" select="lg:title-parts(lg:title-after-t(., 'tfklmnoprs'), 0)"/>
            <xsl:if test="exists($title)">
              <titleInfo><xsl:sequence select="$title"/></titleInfo>
            </xsl:if>
            <xsl:call-template name="subdivisions"/>
          </xsl:when>
          <xsl:when test="$t = '630'">
            <xsl:variable name="title" select="lg:title-parts(lg:sf(., 'adfgklmnoprs'), lg:nonfiling(@ind1))"/>
            <xsl:if test="exists($title)">
              <titleInfo><xsl:sequence select="$title"/></titleInfo>
            </xsl:if>
            <xsl:call-template name="subdivisions"/>
          </xsl:when>
          <xsl:when test="$t = '648'">
            <xsl:sequence select="lg:el('temporal', lg:chop(lg:join(lg:sf(., 'a'))))"/>
            <xsl:call-template name="subdivisions"/>
          </xsl:when>
          <xsl:when test="$t = '650'">
            <xsl:sequence select="lg:el('topic', lg:chop(lg:join(lg:sf(., 'abcd'))))"/>
            <xsl:call-template name="subdivisions"/>
          </xsl:when>
          <xsl:when test="$t = '651'">
            <xsl:sequence select="lg:el('geographic', lg:chop(lg:join(lg:sf(., 'a'))))"/>
            <xsl:call-template name="subdivisions"/>
          </xsl:when>
          <xsl:when test="$t = '653'">
            <!-- uncontrolled terms; the 2nd indicator says what kind -->
            <xsl:variable name="kind" select="lg:lookup('|1=name|2=name|3=name|4=temporal|5=geographic|6=genre|',
                                                        string(@ind2))"/>
            <xsl:for-each select="marc:subfield[@code = 'a']">
              <xsl:choose>
                <xsl:when test="$kind = 'name' and normalize-space()">
                  <name><namePart>{lg:chop(.)}</namePart></name>
                </xsl:when>
                <xsl:when test="$kind = 'name'"/>
                <xsl:otherwise>
                  <xsl:sequence select="lg:el(($kind, 'topic')[1], lg:chop(.))"/>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </xsl:when>
          <xsl:when test="$t = '656'">
            <xsl:sequence select="lg:el('occupation', lg:chop(lg:join(lg:sf(., 'a'))))"/>
            <xsl:call-template name="subdivisions"/>
          </xsl:when>
          <xsl:when test="$t = '662'">
            <xsl:call-template name="hierarchical-geographic"/>
          </xsl:when>
        </xsl:choose>
      </xsl:variable>
      <xsl:if test="exists($body)">
        <subject>
          <xsl:variable name="auth" select="if ($t = ('653', '662')) then normalize-space(marc:subfield[@code = '2'][1])[.]
                                            else lg:subject-authority(.)"/>
          <xsl:if test="$auth"><xsl:attribute name="authority" select="$auth"/></xsl:if>
          <xsl:call-template name="value-uri"/>
          <xsl:call-template name="alt-rep"/>
          <xsl:sequence select="$body"/>
        </subject>
      </xsl:if>
    </xsl:for-each>
    <!-- geographic area codes -->
    <xsl:for-each select="lg:fields($r, '043')[not(@tag = '880')] ! marc:subfield[@code = 'a'][normalize-space()]">
      <subject><geographicCode authority="marcgac">{normalize-space(.)}</geographicCode></subject>
    </xsl:for-each>
    <!-- mathematical data of cartographic material -->
    <xsl:for-each select="lg:fields($r, '255')">
      <xsl:variable name="carto" as="element()*">
        <xsl:sequence select="lg:el('scale', lg:chop(lg:join(lg:sf(., 'a'))))"/>
        <xsl:sequence select="lg:el('projection', lg:chop(lg:join(lg:sf(., 'b'))))"/>
        <xsl:sequence select="lg:el('coordinates', lg:chop(lg:join(lg:sf(., 'c'))))"/>
      </xsl:variable>
      <xsl:if test="exists($carto)">
        <subject>
          <xsl:call-template name="alt-rep"/>
          <cartographics><xsl:sequence select="$carto"/></cartographics>
        </subject>
      </xsl:if>
    </xsl:for-each>
    <!-- place of publication/production as a hierarchical place -->
    <xsl:for-each select="lg:fields($r, '752')">
      <xsl:variable name="hg" as="element()*">
        <xsl:call-template name="hierarchical-geographic"/>
      </xsl:variable>
      <xsl:if test="exists($hg)">
        <subject>
          <xsl:call-template name="alt-rep"/>
          <xsl:sequence select="$hg"/>
        </subject>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ===================================================== classification -->

  <xsl:template name="classifications">
    <xsl:variable name="r" select="."/>
    <!-- whole call numbers: class plus item number -->
    <xsl:for-each select="lg:fields($r, ('050', '060'))[not(@tag = '880')]">
      <xsl:variable name="v" select="lg:join(lg:sf(., 'ab'))"/>
      <xsl:if test="$v">
        <classification authority="{if (lg:tag(.) = '050') then 'lcc' else 'nlm'}">{$v}</classification>
      </xsl:if>
    </xsl:for-each>
    <!-- one element per class number -->
    <xsl:for-each select="lg:fields($r, ('080', '082', '084'))[not(@tag = '880')]">
      <xsl:variable name="t" select="lg:tag(.)"/>
      <xsl:variable name="source" select="normalize-space(marc:subfield[@code = '2'][1])"/>
      <xsl:for-each select="marc:subfield[@code = 'a'][normalize-space()]">
        <classification>
          <xsl:choose>
            <xsl:when test="$t = '080'"><xsl:attribute name="authority">udc</xsl:attribute></xsl:when>
            <xsl:when test="$t = '082'"><xsl:attribute name="authority">ddc</xsl:attribute></xsl:when>
            <xsl:when test="$source"><xsl:attribute name="authority" select="$source"/></xsl:when>
          </xsl:choose>
          <xsl:if test="$t = ('080', '082') and $source">
            <xsl:attribute name="edition" select="$source"/>
          </xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
        </classification>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '086')[not(@tag = '880')]">
      <xsl:variable name="auth" select="if (@ind1 = '0') then 'sudocs' else if (@ind1 = '1') then 'candocs'
                                        else normalize-space(marc:subfield[@code = '2'][1])"/>
      <xsl:for-each select="marc:subfield[@code = 'a'][normalize-space()]">
        <classification>
          <xsl:if test="$auth"><xsl:attribute name="authority" select="$auth"/></xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
        </classification>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- ===================================================== relatedItem -->

  <!-- 76X-78X linking entry -> relatedItem/@type ('' = no type; displayLabel from $i) -->
  <xsl:variable name="link-types" as="xs:string" select="
      '|760=series|762=constituent|765=original|767=|770=|772=host|773=host|774=constituent'
      || '|775=otherVersion|776=otherFormat|777=|780=preceding|785=succeeding|786=original|787=|'"/>

  <!-- A relatedItem from its content; attributes of the field go on the first titleInfo. -->
  <xsl:template name="related-item">
    <xsl:param name="type" as="xs:string?"/>
    <xsl:param name="label" as="xs:string?" select="()"/>
    <xsl:param name="content" as="element()*"/>
    <xsl:if test="exists($content)">
      <relatedItem>
        <xsl:if test="$type"><xsl:attribute name="type" select="$type"/></xsl:if>
        <xsl:if test="$label"><xsl:attribute name="displayLabel" select="$label"/></xsl:if>
        <xsl:sequence select="$content"/>
      </relatedItem>
    </xsl:if>
  </xsl:template>

  <xsl:template name="related-items">
    <xsl:variable name="r" select="."/>
    <!-- series statements: 490 only when untraced (ind1 0) or when no 8XX traces it -->
    <xsl:variable name="traced" select="exists(lg:fields($r, ('800', '810', '811', '830')))"/>
    <xsl:for-each select="lg:fields($r, ('440', '490'))[lg:tag(.) = '440' or not(@ind1 = '1') or not($traced)]">
      <xsl:call-template name="related-item">
        <xsl:with-param name="type" select="'series'"/>
        <xsl:with-param name="content" as="element()*">
          <xsl:call-template name="title-info">
            <xsl:with-param name="codes" select="if (lg:tag(.) = '440') then 'anpv' else 'av'"/>
          </xsl:call-template>
          <xsl:for-each select="marc:subfield[@code = 'x'][normalize-space()]">
            <identifier type="issn">{normalize-space(.)}</identifier>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, ('800', '810', '811', '830'))">
      <xsl:call-template name="related-item">
        <xsl:with-param name="type" select="'series'"/>
        <xsl:with-param name="content" as="element()*">
          <xsl:choose>
            <xsl:when test="lg:tag(.) = '830'">
              <xsl:call-template name="title-info">
                <xsl:with-param name="codes" select="'adfgklmnoprsv'"/>
                <xsl:with-param name="nonfiling" select="lg:nonfiling(@ind2)"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="title-info">
                <xsl:with-param name="sfs" select="lg:title-after-t(., 'tfklmnoprsv')"/>
              </xsl:call-template>
              <xsl:call-template name="name">
                <xsl:with-param name="alt" select="false()"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:for-each select="marc:subfield[@code = 'x'][normalize-space()]">
            <identifier type="issn">{normalize-space(.)}</identifier>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <!-- contained works: 7XX name/title and 730/740 with 2nd indicator 2 -->
    <xsl:for-each select="lg:name-titles($r)[@ind2 = '2']">
      <xsl:call-template name="related-item">
        <xsl:with-param name="type" select="'constituent'"/>
        <xsl:with-param name="content" as="element()*">
          <xsl:call-template name="title-info">
            <xsl:with-param name="sfs" select="lg:title-after-t(., 'tfklmnoprs')"/>
          </xsl:call-template>
          <xsl:call-template name="name">
            <xsl:with-param name="alt" select="false()"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, ('730', '740'))[@ind2 = '2']">
      <xsl:call-template name="related-item">
        <xsl:with-param name="type" select="'constituent'"/>
        <xsl:with-param name="content" as="element()*">
          <xsl:call-template name="title-info">
            <xsl:with-param name="codes" select="if (lg:tag(.) = '730') then 'adfgklmnoprs' else 'anp'"/>
            <xsl:with-param name="nonfiling" select="lg:nonfiling(@ind1)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <!-- linking entries -->
    <xsl:for-each select="lg:fields($r, ('760', '762', '765', '767', '770', '772', '773', '774', '775',
                                          '776', '777', '780', '785', '786', '787'))">
      <xsl:call-template name="related-item">
        <xsl:with-param name="type" select="lg:lookup($link-types, lg:tag(.))"/>
        <xsl:with-param name="label" select="lg:chop(marc:subfield[@code = 'i'][1])[.]"/>
        <xsl:with-param name="content" as="element()*">
          <xsl:call-template name="title-info">
            <xsl:with-param name="codes" select="'t'"/>
          </xsl:call-template>
          <xsl:for-each select="marc:subfield[@code = 'a'][normalize-space()]">
            <name><namePart>{lg:chop(.)}</namePart></name>
          </xsl:for-each>
          <xsl:for-each select="marc:subfield[@code = 'x'][normalize-space()]">
            <identifier type="issn">{normalize-space(.)}</identifier>
          </xsl:for-each>
          <xsl:for-each select="marc:subfield[@code = 'z'][normalize-space()]">
            <identifier type="isbn">{normalize-space(.)}</identifier>
          </xsl:for-each>
          <xsl:for-each select="marc:subfield[@code = 'w'][normalize-space()]">
            <identifier type="local">{normalize-space(.)}</identifier>
          </xsl:for-each>
          <xsl:for-each select="marc:subfield[@code = 'o'][normalize-space()]">
            <identifier>{normalize-space(.)}</identifier>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- ===================================================== identifier -->

  <xsl:template name="identifier">
    <xsl:param name="type" as="xs:string?"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:param name="invalid" as="xs:boolean" select="false()"/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:if test="$v">
      <identifier>
        <xsl:if test="$type"><xsl:attribute name="type" select="$type"/></xsl:if>
        <xsl:if test="$invalid"><xsl:attribute name="invalid">yes</xsl:attribute></xsl:if>
        <xsl:value-of select="$v"/>
      </identifier>
    </xsl:if>
  </xsl:template>

  <!-- Identifiers, each distinct one once ("(OCoLC)ocm123" and "(OCoLC)123" are the same number). -->
  <xsl:template name="identifiers">
    <xsl:variable name="all" as="element()*">
      <xsl:call-template name="all-identifiers"/>
    </xsl:variable>
    <xsl:for-each-group select="$all" group-by="@type || '|' || @invalid || '|' || .">
      <xsl:sequence select="current-group()[1]"/>
    </xsl:for-each-group>
  </xsl:template>

  <xsl:template name="all-identifiers">
    <xsl:variable name="r" select="."/>
    <xsl:for-each select="lg:fields($r, '020')[not(@tag = '880')] ! marc:subfield[@code = ('a', 'z')]">
      <xsl:call-template name="identifier">
        <xsl:with-param name="type" select="'isbn'"/>
        <xsl:with-param name="value" select="(lg:std-number(.)[.], string(.))[1]"/>
        <xsl:with-param name="invalid" select="@code = 'z'"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '022')[not(@tag = '880')] ! marc:subfield[@code = ('a', 'l', 'y', 'z')]">
      <xsl:call-template name="identifier">
        <xsl:with-param name="type" select="if (@code = 'l') then 'issn-l' else 'issn'"/>
        <xsl:with-param name="value" select="."/>
        <xsl:with-param name="invalid" select="@code = ('y', 'z')"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '010')[not(@tag = '880')] ! marc:subfield[@code = ('a', 'z')]">
      <xsl:call-template name="identifier">
        <xsl:with-param name="type" select="'lccn'"/>
        <xsl:with-param name="value" select="."/>
        <xsl:with-param name="invalid" select="@code = 'z'"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '024')[not(@tag = '880')]">
      <xsl:variable name="type" select="if (@ind1 = '7') then normalize-space(marc:subfield[@code = '2'][1])[.]
          else lg:lookup('|0=isrc|1=upc|2=ismn|3=ean|4=sici|', string(@ind1))"/>
      <xsl:for-each select="marc:subfield[@code = ('a', 'z')]">
        <xsl:call-template name="identifier">
          <xsl:with-param name="type" select="$type"/>
          <xsl:with-param name="value" select="."/>
          <xsl:with-param name="invalid" select="@code = 'z'"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '028')[not(@tag = '880')]">
      <xsl:call-template name="identifier">
        <xsl:with-param name="type" select="lg:lookup('|0=issue number|1=matrix number|2=music plate'
            || '|3=music publisher|4=videorecording identifier|5=publisher number|6=distributor number|',
            string(@ind1))"/>
        <xsl:with-param name="value" select="lg:join(lg:sf(., 'ab'))"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="lg:fields($r, '035')[not(@tag = '880')] ! marc:subfield[@code = 'a'][starts-with(normalize-space(.), '(OCoLC)')]">
      <xsl:call-template name="identifier">
        <xsl:with-param name="type" select="'oclc'"/>
        <xsl:with-param name="value" select="replace(substring-after(normalize-space(.), '(OCoLC)'), '^(ocm|ocn|on)', '')"/>
      </xsl:call-template>
    </xsl:for-each>
    <!-- the resource itself on the web (856, 2nd indicator 0) -->
    <xsl:for-each select="lg:fields($r, '856')[not(@tag = '880')][@ind2 = '0'] ! marc:subfield[@code = 'u']">
      <xsl:variable name="u" select="normalize-space(.)"/>
      <xsl:call-template name="identifier">
        <xsl:with-param name="type" select="if (matches($u, '^(https?://(dx\.)?doi\.org/|doi:)')) then 'doi'
                                            else if (matches($u, '^(https?://hdl\.handle\.net/|hdl:)')) then 'hdl'
                                            else 'uri'"/>
        <xsl:with-param name="value" select="$u"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- ===================================================== location -->

  <xsl:template name="locations">
    <xsl:variable name="r" select="."/>
    <xsl:for-each select="lg:fields($r, '856')[not(@tag = '880')][marc:subfield[@code = 'u'][normalize-space()]]">
      <xsl:variable name="label" select="lg:chop(lg:join((marc:subfield[@code = '3'], marc:subfield[@code = 'y'])))"/>
      <xsl:variable name="note" select="lg:join(marc:subfield[@code = 'z'])"/>
      <location>
        <xsl:for-each select="marc:subfield[@code = 'u'][normalize-space()]">
          <url>
            <xsl:if test="$label"><xsl:attribute name="displayLabel" select="$label"/></xsl:if>
            <xsl:if test="$note"><xsl:attribute name="note" select="$note"/></xsl:if>
            <xsl:value-of select="iri-to-uri(normalize-space(.))"/>
          </url>
        </xsl:for-each>
      </location>
    </xsl:for-each>
  </xsl:template>

  <!-- ===================================================== accessCondition -->

  <xsl:template name="access-conditions">
    <xsl:variable name="r" select="."/>
    <xsl:for-each select="lg:fields($r, ('506', '540'))">
      <xsl:variable name="text" select="lg:join(lg:alpha(., ''))"/>
      <xsl:if test="$text">
        <accessCondition type="{if (lg:tag(.) = '506') then 'restriction on access' else 'use and reproduction'}">
          <xsl:call-template name="alt-rep"/>
          <xsl:value-of select="$text"/>
        </accessCondition>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ===================================================== recordInfo -->

  <xsl:template name="record-info">
    <xsl:variable name="r" select="."/>
    <xsl:variable name="f040" select="lg:fields($r, '040')[not(@tag = '880')][1]"/>
    <xsl:variable name="f003" select="normalize-space($r/marc:controlfield[@tag = '003'][1])"/>
    <xsl:variable name="f001" select="normalize-space($r/marc:controlfield[@tag = '001'][1])"/>
    <xsl:variable name="f005" select="normalize-space($r/marc:controlfield[@tag = '005'][1])"/>
    <recordInfo>
      <xsl:variable name="standards" select="distinct-values($f040/marc:subfield[@code = 'e'] ! normalize-space()[.])"/>
      <xsl:for-each select="$standards">
        <descriptionStandard>{.}</descriptionStandard>
      </xsl:for-each>
      <xsl:if test="empty($standards)">
        <xsl:sequence select="lg:el('descriptionStandard', lg:lookup('|a=aacr|c=isbd|i=isbd|', substring(lg:leader($r), 19, 1)))"/>
      </xsl:if>
      <xsl:variable name="source" select="(normalize-space($f040/marc:subfield[@code = 'a'][1])[.], $f003[.])[1]"/>
      <xsl:if test="$source">
        <recordContentSource authority="marcorg">{$source}</recordContentSource>
      </xsl:if>
      <xsl:if test="lg:digits(substring(lg:f008($r), 1, 6), 6)">
        <recordCreationDate encoding="marc">{substring(lg:f008($r), 1, 6)}</recordCreationDate>
      </xsl:if>
      <xsl:if test="matches($f005, '^\d{14}(\.\d+)?$')">
        <recordChangeDate encoding="iso8601">{$f005}</recordChangeDate>
      </xsl:if>
      <xsl:if test="$f001">
        <recordIdentifier>
          <xsl:if test="$f003"><xsl:attribute name="source" select="$f003"/></xsl:if>
          <xsl:value-of select="$f001"/>
        </recordIdentifier>
      </xsl:if>
      <recordOrigin>Converted from MARCXML to MODS version 3.7 by libgate (marc21-to-mods.xsl)</recordOrigin>
      <xsl:for-each select="lg:lang-codes($f040/marc:subfield[@code = 'b'][1])[1]">
        <languageOfCataloging>
          <languageTerm authority="iso639-2b" type="code">{.}</languageTerm>
        </languageOfCataloging>
      </xsl:for-each>
    </recordInfo>
  </xsl:template>

</xsl:stylesheet>
