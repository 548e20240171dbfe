import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard.js';
import { DevLoginController } from './dev-login.controller.js';
import { DepartmentAdmission } from './department-admission.js';
import { JwtVerifier } from './jwt-verifier.js';

@Module({
  controllers: [DevLoginController],
  providers: [JwtVerifier, DepartmentAdmission, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [JwtVerifier],
})
export class AuthModule {}
