// Trunk post_build hook: finishes the site in $TRUNK_STAGING_DIR.
console.log('post-build: staging dir', process.env.TRUNK_STAGING_DIR);
