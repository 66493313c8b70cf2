<?xml version="1.0" encoding="UTF-8"?>
<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <custom>true</custom>
    <objectPermissions>
        <allowCreate>false</allowCreate>
        <allowDelete>1</allowDelete> <!-- expect: ML1008 -->
        <allowEdit>false</allowEdit>
        <allowRead>true</allowRead>
        <modifyAllRecords>false</modifyAllRecords>
        <object>Idea</object>
        <viewAllRecords>false</viewAllRecords>
    </objectPermissions>
    <userLicense>Guest User License</userLicense>
    <userPermissions>
        <enabled>true</enabled>
        <name>APIEnabled</name> <!-- expect: ML1008 -->
    </userPermissions>
</Profile>
