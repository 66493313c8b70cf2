<?xml version="1.0" encoding="UTF-8"?>
<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <custom>true</custom>
    <description>Metadata API format, all three</description>
    <userLicense>Salesforce</userLicense>
    <userPermissions>
        <enabled>true</enabled>
        <name>BypassMFAForUiLogins</name> <!-- expect: ML1007 -->
    </userPermissions>
    <userPermissions>
        <enabled>true</enabled>
        <name>passwordneverexpires</name> <!-- expect: ML1007 -->
    </userPermissions>
    <userPermissions>
        <enabled>1</enabled>
        <name>SkipIdentityConfirmation</name> <!-- expect: ML1007 -->
    </userPermissions>
</Profile>
