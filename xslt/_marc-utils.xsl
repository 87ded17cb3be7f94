<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared helpers for the MARC 21 crosswalks (an included module: the leading
  underscore keeps scripts/compile-xslt.js from compiling it on its own).

  Everything takes the record or a field as an argument; there is no global
  per-record state, so one transformation can convert a whole collection
  (batch mode, see lg:batch in the top-level stylesheets).

  880 handling: lg:fields() returns the fields with the given tags in record
  order, each vernacular 880 placed right after the field it is linked to (by
  the $6 occurrence number), followed by unlinked 880s. Mapping code never
  selects marc:datafield by @tag directly, so fields it does not ask for (9XX,
  952 items, local fields) never reach the output.

  Performance notes (SaxonJS 2, measured): a regular expression is prepared
  again on every call, which is cheap for plain patterns (a few microseconds)
  but costs milliseconds for \p{..} classes, which are therefore not used
  (lg:script spells out block ranges); a map constructor is rebuilt on every evaluation, so
  code tables are constant "|key=value|" strings read by lg:lookup; a global
  map:merge index cost more than xsl:key, hence the keys below.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:marc="http://www.loc.gov/MARC21/slim"
    xmlns:lg="urn:x-libgate:xslt"
    exclude-result-prefixes="#all">

  <!-- Data fields by effective tag; vernacular and romanized halves of linked pairs. -->
  <xsl:key name="lg:field" match="marc:datafield" use="lg:tag(.)"/>
  <xsl:key name="lg:vernacular" match="marc:datafield[@tag = '880']" use="lg:tag(.) || '-' || lg:occ(.)"/>
  <xsl:key name="lg:romanized" match="marc:datafield[not(@tag = '880')][marc:subfield[@code = '6']]"
      use="@tag || '-' || lg:occ(.)"/>

  <!-- The records to convert: the document element, or the records of a collection. -->
  <xsl:function name="lg:records" as="element(marc:record)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="$doc/marc:record, $doc/marc:collection/marc:record"/>
  </xsl:function>

  <!-- Value of $key in a "|key=value|key=value|" table, or () when absent. -->
  <xsl:function name="lg:lookup" as="xs:string?">
    <xsl:param name="table" as="xs:string"/>
    <xsl:param name="key" as="xs:string?"/>
    <xsl:variable name="k" select="'|' || $key || '='"/>
    <xsl:sequence select="if ($key and contains($table, $k))
                          then substring-before(substring-after($table, $k), '|') else ()"/>
  </xsl:function>

  <!-- ===================================================== record level -->

  <xsl:function name="lg:leader" as="xs:string">
    <xsl:param name="r" as="element(marc:record)"/>
    <xsl:sequence select="string($r/marc:leader[1])"/>
  </xsl:function>

  <!-- Leader/06 (type of record) and leader/07 (bibliographic level). -->
  <xsl:function name="lg:l6" as="xs:string">
    <xsl:param name="r" as="element(marc:record)"/>
    <xsl:sequence select="substring($r/marc:leader[1], 7, 1)"/>
  </xsl:function>
  <xsl:function name="lg:l7" as="xs:string">
    <xsl:param name="r" as="element(marc:record)"/>
    <xsl:sequence select="substring($r/marc:leader[1], 8, 1)"/>
  </xsl:function>

  <xsl:function name="lg:f008" as="xs:string">
    <xsl:param name="r" as="element(marc:record)"/>
    <xsl:sequence select="string($r/marc:controlfield[@tag = '008'][1])"/>
  </xsl:function>

  <!--
    The 008 configuration (BK, SE, MU, MP, VM, CF, MM) that decides what the
    material-specific positions 18-34 mean; '' when the leader says nothing usable.
  -->
  <xsl:function name="lg:config" as="xs:string">
    <xsl:param name="r" as="element(marc:record)"/>
    <xsl:variable name="l6" select="lg:l6($r)"/>
    <xsl:sequence select="
        if ($l6 = ('a', 't')) then (if (lg:l7($r) = ('b', 'i', 's')) then 'SE' else 'BK')
        else if ($l6 = ('c', 'd', 'i', 'j')) then 'MU'
        else if ($l6 = ('e', 'f')) then 'MP'
        else if ($l6 = ('g', 'k', 'o', 'r')) then 'VM'
        else if ($l6 = 'm') then 'CF'
        else if ($l6 = 'p') then 'MM'
        else ''"/>
  </xsl:function>

  <!-- 008/07-10 when it is a plain year (used where a single date is wanted). -->
  <xsl:function name="lg:year-008" as="xs:string?">
    <xsl:param name="r" as="element(marc:record)"/>
    <xsl:variable name="f008" select="lg:f008($r)"/>
    <xsl:variable name="d1" select="substring($f008, 8, 4)"/>
    <xsl:sequence select="if (lg:digits($d1, 4) and not(substring($f008, 7, 1) = ('b', 'n', '|')))
                          then $d1 else ()"/>
  </xsl:function>

  <!-- 008/35-37 when it is a language code (not blank, fill or missing). -->
  <xsl:function name="lg:lang-008" as="xs:string?">
    <xsl:param name="r" as="element(marc:record)"/>
    <xsl:variable name="c" select="lower-case(substring(lg:f008($r), 36, 3))"/>
    <xsl:sequence select="if (lg:letters($c, 3)) then $c else ()"/>
  </xsl:function>

  <!-- ===================================================== fields -->

  <!-- Effective tag: @tag, or for an 880 the tag its $6 links to. -->
  <xsl:function name="lg:tag" as="xs:string">
    <xsl:param name="f" as="element(marc:datafield)"/>
    <xsl:sequence select="if ($f/@tag = '880')
                          then substring(string($f/marc:subfield[@code = '6'][1]), 1, 3)
                          else string($f/@tag)"/>
  </xsl:function>

  <!-- $6 occurrence number ("02" in "880-02" or "245-02/$1"); '' when unlinked or "00". -->
  <xsl:function name="lg:occ" as="xs:string">
    <xsl:param name="f" as="element(marc:datafield)"/>
    <xsl:variable name="l" select="normalize-space($f/marc:subfield[@code = '6'][1])"/>
    <xsl:variable name="o" select="substring($l, 5, 2)"/>
    <xsl:sequence select="if (substring($l, 4, 1) = '-' and lg:digits(substring($l, 1, 3), 3)
                              and lg:digits($o, 2) and $o != '00')
                          then $o else ''"/>
  </xsl:function>

  <!--
    Fields of record $r whose effective tag is in $tags, in record order, each
    regular field followed by its linked 880, then the 880s without a partner.
  -->
  <xsl:function name="lg:fields" as="element(marc:datafield)*">
    <xsl:param name="r" as="element(marc:record)"/>
    <xsl:param name="tags" as="xs:string*"/>
    <xsl:variable name="all" select="key('lg:field', $tags, $r)"/>
    <xsl:variable name="vern" select="$all[@tag = '880']"/>
    <xsl:sequence select="
        if (empty($vern)) then $all else (
          for $f in $all[not(@tag = '880')]
          return ($f, let $o := lg:occ($f)
                      return if ($o) then key('lg:vernacular', $f/@tag || '-' || $o, $r) else ()),
          $vern[not(lg:paired(.))])"/>
  </xsl:function>

  <!-- The vernacular 880 of a linked field, or the romanized field of a linked 880. -->
  <xsl:function name="lg:partner" as="element(marc:datafield)?">
    <xsl:param name="f" as="element(marc:datafield)"/>
    <xsl:variable name="o" select="lg:occ($f)"/>
    <xsl:sequence select="
        if (not($o)) then ()
        else if ($f/@tag = '880') then key('lg:romanized', lg:tag($f) || '-' || $o, $f/..)[1]
        else key('lg:vernacular', $f/@tag || '-' || $o, $f/..)[1]"/>
  </xsl:function>

  <!-- True when the field and its vernacular/romanized partner are both present. -->
  <xsl:function name="lg:paired" as="xs:boolean">
    <xsl:param name="f" as="element(marc:datafield)"/>
    <xsl:sequence select="exists(lg:partner($f))"/>
  </xsl:function>

  <!--
    ISO 15924 code of the script of a vernacular field, judged from its text (the
    $6 script identification is often missing or wrong), by Unicode block ranges;
    falls back to the $6 code. Order matters: Japanese and Korean text may also
    contain Han characters. U+30FB (katakana middle dot) is left out of kana on
    purpose: Chinese records use it as an interpunct.
  -->
  <xsl:function name="lg:script" as="xs:string?">
    <xsl:param name="f" as="element(marc:datafield)"/>
    <xsl:variable name="s" select="string-join($f/marc:subfield[@code != '6'], ' ')"/>
    <xsl:variable name="code" select="substring-after(string($f/marc:subfield[@code = '6'][1]), '/')"/>
    <xsl:choose>
      <xsl:when test="matches($s, '[&#x3041;-&#x3096;&#x30A1;-&#x30FA;]')">Jpan</xsl:when>
      <xsl:when test="matches($s, '[&#xAC00;-&#xD7A3;&#x1100;-&#x11FF;&#x3130;-&#x318F;]')">Kore</xsl:when>
      <xsl:when test="matches($s, '[&#x4E00;-&#x9FFF;&#x3400;-&#x4DBF;&#xF900;-&#xFAFF;]')">Hani</xsl:when>
      <xsl:when test="matches($s, '[&#x400;-&#x4FF;]')">Cyrl</xsl:when>
      <xsl:when test="matches($s, '[&#x600;-&#x6FF;&#x750;-&#x77F;&#xFB50;-&#xFDFF;&#xFE70;-&#xFEFF;]')">Arab</xsl:when>
      <xsl:when test="matches($s, '[&#x590;-&#x5FF;&#xFB1D;-&#xFB4F;]')">Hebr</xsl:when>
      <xsl:when test="matches($s, '[&#x370;-&#x3FF;&#x1F00;-&#x1FFF;]')">Grek</xsl:when>
      <xsl:when test="matches($s, '[&#xE00;-&#xE7F;]')">Thai</xsl:when>
      <xsl:when test="matches($s, '[&#x2D30;-&#x2D7F;]')">Tfng</xsl:when>
      <xsl:when test="matches($s, '[&#x900;-&#x97F;]')">Deva</xsl:when>
      <xsl:when test="matches($s, '[&#x530;-&#x58F;]')">Armn</xsl:when>
      <xsl:when test="matches($s, '[&#x10A0;-&#x10FF;]')">Geor</xsl:when>
      <xsl:when test="matches($s, '[&#x1200;-&#x137F;]')">Ethi</xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="lg:lookup('|(3=Arab|(4=Arab|(N=Cyrl|(Q=Cyrl|(S=Grek|(2=Hebr|$1=Hani|(B=Latn|',
                                        substring($code, 1, 2))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- ===================================================== subfields and strings -->

  <!-- Subfields of $f whose one-letter code occurs in $codes, in record order. -->
  <xsl:function name="lg:sf" as="element(marc:subfield)*">
    <xsl:param name="f" as="element(marc:datafield)"/>
    <xsl:param name="codes" as="xs:string"/>
    <xsl:sequence select="$f/marc:subfield[string-length(@code) = 1 and contains($codes, @code)]"/>
  </xsl:function>

  <!-- Subfields that are data (code a-z), except those whose code is in $except. -->
  <xsl:function name="lg:alpha" as="element(marc:subfield)*">
    <xsl:param name="f" as="element(marc:datafield)"/>
    <xsl:param name="except" as="xs:string"/>
    <xsl:sequence select="$f/marc:subfield[string-length(@code) = 1
        and contains('abcdefghijklmnopqrstuvwxyz', @code) and not(contains($except, @code))]"/>
  </xsl:function>

  <!-- Values, whitespace-normalised, empty ones dropped, joined by a space. -->
  <xsl:function name="lg:join" as="xs:string">
    <xsl:param name="sfs" as="item()*"/>
    <xsl:sequence select="string-join(for $s in $sfs return normalize-space($s)[.], ' ')"/>
  </xsl:function>

  <!--
    Title text from the given subfields joined by spaces. When a medium ($h, not
    selected) sits between two parts, its closing ISBD punctuation (" =", " :")
    is kept, so "Title [videorecording] = Parallel title" gives "Title = Parallel title".
  -->
  <xsl:function name="lg:title-string" as="xs:string">
    <xsl:param name="f" as="element(marc:datafield)"/>
    <xsl:param name="codes" as="xs:string"/>
    <xsl:sequence select="string-join(
        for $s in lg:sf($f, $codes)
        return normalize-space($s) || (let $next := $s/following-sibling::marc:subfield[1]
                                       return if ($next/@code = 'h' and not(contains($codes, 'h'))
                                                  and matches($next, '[=:;]\s*$'))
                                              then ' ' || replace($next, '^.*([=:;])\s*$', '$1') else ''),
        ' ')"/>
  </xsl:function>

  <!-- True when $s is exactly $n ASCII digits. -->
  <xsl:function name="lg:digits" as="xs:boolean">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="string-length($s) = $n and translate($s, '0123456789', '') = ''"/>
  </xsl:function>

  <!-- True when $s is exactly $n lower-case ASCII letters. -->
  <xsl:function name="lg:letters" as="xs:boolean">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="string-length($s) = $n and translate($s, 'abcdefghijklmnopqrstuvwxyz', '') = ''"/>
  </xsl:function>

  <!--
    Removes ISBD punctuation that closes a MARC element (" /", " :", " ;", ",", " =",
    and the Arabic and full-width forms of comma, semicolon, colon and slash)
    and a final full stop, unless the stop ends an initial ("Smith, John A."), an
    ellipsis or one of a few common abbreviations ("etc.", "Inc.", "p.", "ill.").
  -->
  <xsl:function name="lg:chop" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="t" select="replace(normalize-space($s), '[\s,;:/=&#x60C;&#x61B;&#x3001;&#xFF0C;&#xFF0F;&#xFF1A;&#xFF1B;]+$', '')"/>
    <xsl:sequence select="
        if (ends-with($t, '.') and not(matches($t,
              '(^|[\s(.\-])([A-Z&#xC0;-&#xD6;&#xD8;-&#xDE;&#x100;-&#x17E;&#x410;-&#x42F;&#x401;&#x391;-&#x3A9;]|etc|Inc|Co|Ltd|Jr|Sr|Corp|Bros|Dept|ed|eds|p|pp|v|vol|vols|ill|illus|col|ca|approx|no|nos|min|sec|\.\.)\.$')))
        then replace($t, '[\s,;:/=&#x60C;&#x61B;&#x3001;&#xFF0C;&#xFF0F;&#xFF1A;&#xFF1B;]*\.$', '')
        else $t"/>
  </xsl:function>

  <!--
    A subject-style heading: the main part (subfields in $main joined by spaces),
    then each subdivision ($v $x $y $z) after "- -" (two hyphens), each piece trimmed.
  -->
  <xsl:function name="lg:heading" as="xs:string">
    <xsl:param name="f" as="element(marc:datafield)"/>
    <xsl:param name="main" as="xs:string"/>
    <xsl:sequence select="string-join((lg:chop(lg:join(lg:sf($f, $main))),
                                       for $s in lg:sf($f, 'vxyz') return lg:chop($s))[.], '--')"/>
  </xsl:function>

  <!-- Subfields of a name field that belong to the name (stopping at a title part, $t). -->
  <xsl:function name="lg:name-subfields" as="element(marc:subfield)*">
    <xsl:param name="f" as="element(marc:datafield)"/>
    <xsl:variable name="codes" select="lg:lookup('|00=abcdq|10=abcdgn|11=acdegnq|', substring(lg:tag($f), 2, 2))"/>
    <xsl:sequence select="$f/marc:subfield[not(preceding-sibling::marc:subfield[@code = 't'])]
                                          [string-length(@code) = 1 and contains(($codes, 'a')[1], @code)]"/>
  </xsl:function>

  <!-- The ISBN (or ISSN) at the start of a 020/022 $a, without qualifiers; '' if none. -->
  <xsl:function name="lg:std-number" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="t" select="normalize-space($s)"/>
    <xsl:sequence select="if (matches($t, '^[0-9][0-9Xx\-]{6,}'))
                          then replace($t, '^([0-9][0-9Xx\-]+).*$', '$1') else ''"/>
  </xsl:function>

  <!-- Lower-case three-letter language codes in a 041 subfield (old records run them together). -->
  <xsl:function name="lg:lang-codes" as="xs:string*">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="t" select="lower-case(translate(normalize-space($s), ' ', ''))"/>
    <xsl:variable name="n" select="string-length($t)"/>
    <xsl:sequence select="if ($n gt 0 and $n mod 3 = 0 and lg:letters($t, $n))
                          then for $i in 0 to $n idiv 3 - 1 return substring($t, $i * 3 + 1, 3)
                          else ()"/>
  </xsl:function>

</xsl:stylesheet>
