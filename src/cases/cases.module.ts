import { Module } from '@nestjs/common';
import { CaseStarter } from './case-starter.service.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';

@Module({ controllers: [CasesController], providers: [CasesService, CaseStarter], exports: [CasesService] })
export class CasesModule {}
