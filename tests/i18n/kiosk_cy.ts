<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- A small, partial Welsh catalogue of the kiosk's words, for the tests only: it proves that
     a catalogue changes the kiosk's labels and that a word it lacks stays in English
     ("Home" is left out on purpose). Not a translation to ship. -->
<TS version="2.1" language="cy">
<context>
    <name></name>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nesaf</translation>
    </message>
    <message>
        <source>Card {number} of {total}</source>
        <translation>Cerdyn {number} o {total}</translation>
    </message>
    <message>
        <source>All leaflets</source>
        <translation>Pob taflen</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Darllen yn uchel</translation>
    </message>
    <message>
        <source>Start reading</source>
        <translation>Dechrau darllen</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>Ydych chi dal yna?</translation>
    </message>
    <message>
        <source>End of card. This is the end of the leaflet.</source>
        <translation>Diwedd y cerdyn. Dyma ddiwedd y daflen.</translation>
    </message>
</context>
</TS>
