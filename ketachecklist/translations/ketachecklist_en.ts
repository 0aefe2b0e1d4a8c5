<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AnswersPage</name>
    <message numerus="yes">
        <source>A comparison can hold up to %n questions of your own, and this one has them all. Remove one you no longer need to make room.</source>
        <translation>
            <numerusform>A comparison can hold up to %n question of your own, and this one has it. Remove it to make room.</numerusform>
            <numerusform>A comparison can hold up to %n questions of your own, and this one has them all. Remove one you no longer need to make room.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClinicChooser</name>
    <message numerus="yes">
        <source>Co&amp;mpare: {shown} of %n clinics</source>
        <translation>
            <numerusform>Co&amp;mpare: {shown} of %n clinic</numerusform>
            <numerusform>Co&amp;mpare: {shown} of %n clinics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Comparing {shown} of %n clinics</source>
        <translation>
            <numerusform>Comparing {shown} of %n clinic</numerusform>
            <numerusform>Comparing {shown} of %n clinics</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClinicPanel</name>
    <message numerus="yes">
        <source>A comparison can hold up to %n clinics and this one has %n. Remove a clinic you no longer consider to make room.</source>
        <translation>
            <numerusform>A comparison can hold up to %n clinic and this one has %n. Remove a clinic you no longer consider to make room.</numerusform>
            <numerusform>A comparison can hold up to %n clinics and this one has %n. Remove a clinic you no longer consider to make room.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message numerus="yes">
        <source>%n more autosaved copies are kept; they will be offered next time.</source>
        <translation>
            <numerusform>%n more autosaved copy is kept; it will be offered next time.</numerusform>
            <numerusform>%n more autosaved copies are kept; they will be offered next time.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentRecovery</name>
    <message numerus="yes">
        <source>%n clinics</source>
        <translation>
            <numerusform>%n clinic</numerusform>
            <numerusform>%n clinics</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeightProfilesEditor</name>
    <message numerus="yes">
        <source>A comparison can hold up to %n profiles. Remove one first.</source>
        <translation>
            <numerusform>A comparison can hold up to %n profile. Remove it first.</numerusform>
            <numerusform>A comparison can hold up to %n profiles. Remove one first.</numerusform>
        </translation>
    </message>
</context>
</TS>
