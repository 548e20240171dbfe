import { Module } from '@nestjs/common';
import { CodecController } from './codec.controller.js';
import { EngineProbeController } from './engine-probe.controller.js';
import { EngineProbeService } from './engine-probe.service.js';

@Module({ controllers: [EngineProbeController, CodecController], providers: [EngineProbeService] })
export class EngineModule {}
