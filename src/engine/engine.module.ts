import { Module } from '@nestjs/common';
import { EngineProbeController } from './engine-probe.controller.js';
import { EngineProbeService } from './engine-probe.service.js';

@Module({ controllers: [EngineProbeController], providers: [EngineProbeService] })
export class EngineModule {}
