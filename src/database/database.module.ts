import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { AppConfig } from '../config/app-config.js';
import { buildOrmOptions } from './orm-options.js';
import { ReferenceChanges } from './reference-changes.js';
import { REPOSITORIES } from './repositories.js';

/** One ORM per process, and the repositories over it; each forks its EntityManager per unit of work. */
@Global()
@Module({
  providers: [
    {
      provide: MikroORM,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => MikroORM.init(buildOrmOptions(config.DATABASE_URL)),
    },
    ReferenceChanges,
    ...REPOSITORIES,
  ],
  exports: [MikroORM, ReferenceChanges, ...REPOSITORIES],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async onApplicationShutdown(): Promise<void> {
    await this.orm.close();
  }
}
