<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- A small, partial Arabic catalogue of the kiosk's words, for the tests only: a translated
     label on a right-to-left page keeps its arrow at the outer edge. Not a translation to ship. -->
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
</context>
</TS>
