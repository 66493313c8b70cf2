<?xml version="1.0" encoding="UTF-8"?>
<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <custom>true</custom>
    <objectPermissions>
        <allowCreate>1</allowCreate>
        <allowDelete>1</allowDelete>
        <allowEdit>1</allowEdit>
        <allowRead>1</allowRead>
        <modifyAllRecords>1</modifyAllRecords> <!-- expect: ML1003 -->
        <object>Opportunity</object>
        <viewAllRecords>1</viewAllRecords>
    </objectPermissions>
    <userLicense>Salesforce</userLicense>
</Profile>
