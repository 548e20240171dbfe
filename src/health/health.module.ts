import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuditModule } from '../audit/audit.module.js';
import { HealthController } from './health.controller.js';

@Module({ imports: [TerminusModule, AuditModule], controllers: [HealthController] })
export class HealthModule {}
