namespace DataCustody.Grains.Abstractions.Tests.Taxonomy;

/// <summary>The fideslang files as they lie beside the code (copied into the test output), and hand-made tables.</summary>
internal static class TaxonomyFiles
{
    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "taxonomy", file);

    public const string Header = "fides_key,is_default,name,organization_fides_key,parent_key,replaced_by,tags,version_added,version_deprecated,description\n";

    /// <summary>A data_categories.csv with deprecated keys, which the shipped file has none of.</summary>
    public const string CategoriesWithDeprecations = Header
        + "data_category,,Data Category,,,,,,,\n"
        + "user,True,User Data,default_organization,data_category,,,2.0.0,,User data.\n"
        + "user.contact,True,Contact Data,default_organization,user,,,2.0.0,,Contact data.\n"
        + "user.contact.email,True,Email,default_organization,user.contact,,,2.0.0,,\"Email, the address.\"\n"
        + "user.email,True,Email,default_organization,user,user.contact.email,,1.0.0,2.0.0,Old email.\n"
        + "user.mail,True,Mail,default_organization,user,user.email,,1.0.0,1.5.0,Older email.\n"
        + "user.fax,True,Fax,default_organization,user,,,1.0.0,2.0.0,Gone without successor.\n"
        + "user.health_and_medical,True,Health,default_organization,user,,,2.0.0,,Health.\n"
        + "user.medical,True,Medical,default_organization,user,user.health_and_medical,,1.0.0,2.0.0,Old health.\n";

    /// <summary>A data_uses.csv with one deprecated key.</summary>
    public const string UsesWithDeprecations = Header
        + "data_use,,Data Use,,,,,,,\n"
        + "marketing,TRUE,Marketing,default_organization,data_use,,,2.0.0,,Marketing.\n"
        + "advertising,TRUE,Advertising,default_organization,data_use,marketing,,1.0.0,2.0.0,Old marketing.";
}
