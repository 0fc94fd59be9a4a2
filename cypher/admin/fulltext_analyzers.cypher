SHOW FULLTEXT INDEXES YIELD name, options
RETURN name, options.indexConfig.`fulltext.analyzer` AS analyzer
