"""Putting a property element where the schema wants it: Word refuses a file whose pPr, rPr or sectPr children are
out of the order of ECMA-376 Part 1 (CT_PPrBase §17.3.1.26, CT_RPr §17.3.2.28, CT_SectPr §17.6.17, CT_Settings
§17.15.1.78), so a merge that sets one property inserts it in its place rather than at the end.
"""

from __future__ import annotations

from typing import Any

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_ORDERS = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
           "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
           "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
           "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
           "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl "
           "cs em lang eastAsianLayout specVanish oMath rPrChange",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
              "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings "
              "sectPrChange",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked "
             "personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr",
    "settings": "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries "
                "displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData "
                "embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
                "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
                "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate linkStyles "
                "stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView trackRevisions "
                "doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride styleLockTheme "
                "styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone "
                "doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle defaultTableStyle "
                "evenAndOddHeaders bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets "
                "drawingGridHorizontalSpacing drawingGridVerticalSpacing displayHorizontalDrawingGridEvery "
                "displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin "
                "drawingGridVerticalOrigin doNotShadeFormData noPunctuationKerning characterSpacingControl "
                "printTwoOnOne strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore savePreviewPicture "
                "doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText "
                "doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags "
                "alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids "
                "mathPr attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
                "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType schemaLibrary "
                "shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator",
}
_RANK = {parent: {name: i for i, name in enumerate(order.split())} for parent, order in _ORDERS.items()}


def _local(tag: Any) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def insert_ordered(parent: Any, child: Any) -> Any:
    """Insert `child` into `parent` before the first sibling the schema puts after it (replacing none)."""
    ranks = _RANK.get(_local(parent.tag))
    rank = ranks.get(_local(child.tag)) if ranks else None
    if rank is None or ranks is None:
        parent.append(child)
        return child
    for i, sibling in enumerate(parent):
        other = ranks.get(_local(sibling.tag))
        if other is not None and other > rank:
            parent.insert(i, child)
            return child
    parent.append(child)
    return child


def set_child(parent: Any, child: Any | None, local: str) -> None:
    """Replace parent's w:`local` child with `child` (None: remove it), in schema order."""
    for old in parent.findall(f"{{{_W}}}{local}"):
        parent.remove(old)
    if child is not None:
        insert_ordered(parent, child)


def ensure_child(parent: Any, local: str) -> Any:
    found = parent.find(f"{{{_W}}}{local}")
    if found is None:
        from lxml import etree
        found = insert_ordered(parent, etree.SubElement(parent, f"{{{_W}}}{local}"))
    return found
