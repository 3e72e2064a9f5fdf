'use strict';
/**
 * Serverless (osls) plugin: bundles the functions before packaging. The build validates the configuration
 * (CHATDASH_CONFIG), so `osls package` / `osls deploy` stop with the file, line and problem if it is broken.
 */
const { spawnSync } = require('node:child_process');

class BuildBeforePackage {
  constructor(serverless) {
    const build = () => {
      const result = spawnSync('npm', ['run', '--silent', 'build'], {
        cwd: serverless.config.servicePath,
        stdio: 'inherit',
        env: process.env,
      });
      if (result.status !== 0) throw new serverless.classes.Error('The build failed (see above): nothing was packaged.');
    };
    this.hooks = {
      'before:package:createDeploymentArtifacts': build,
      'before:deploy:function:packageFunction': build,
    };
  }
}

module.exports = BuildBeforePackage;
