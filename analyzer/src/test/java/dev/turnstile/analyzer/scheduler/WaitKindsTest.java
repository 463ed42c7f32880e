package dev.turnstile.analyzer.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WaitKindsTest {

    @Test
    void sortsParksByWhatTheyParkedOn() {
        assertEquals(OffCpuState.BLOCKED, WaitKinds.ofPark("java.util.concurrent.locks.ReentrantLock$NonfairSync"));
        assertEquals(OffCpuState.BLOCKED, WaitKinds.ofPark("java.util.concurrent.locks.ReentrantReadWriteLock$FairSync"));
        assertEquals(OffCpuState.BLOCKED, WaitKinds.ofPark("java.util.concurrent.Semaphore$NonfairSync"));
        assertEquals(OffCpuState.WAITING,
                WaitKinds.ofPark("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject"));
        assertEquals(OffCpuState.WAITING, WaitKinds.ofPark("java.util.concurrent.CountDownLatch$Sync"));
        assertEquals(OffCpuState.WAITING, WaitKinds.ofPark("java.util.concurrent.SynchronousQueue$TransferStack"));
        assertEquals(OffCpuState.WAITING, WaitKinds.ofPark("java.util.concurrent.LinkedTransferQueue"));
        assertEquals(OffCpuState.WAITING, WaitKinds.ofPark("java.util.concurrent.Phaser$QNode"));
        assertEquals(OffCpuState.WAITING, WaitKinds.ofPark("java.util.concurrent.ForkJoinPool"));
        assertEquals(OffCpuState.PARKED, WaitKinds.ofPark("java.util.concurrent.CompletableFuture$Signaller"));
        assertEquals(OffCpuState.PARKED, WaitKinds.ofPark("java.util.concurrent.FutureTask"));
        assertEquals(OffCpuState.PARKED, WaitKinds.ofPark("com.example.MySynchronizer"));
        assertEquals(OffCpuState.PARKED, WaitKinds.ofPark(null));
    }

    @Test
    void aLatchIsAWaitForASignalEvenWhenTheAgentTimesItAsALockWait() {
        assertEquals(OffCpuState.WAITING, WaitKinds.ofLockWait("java.util.concurrent.CountDownLatch$Sync"));
        assertEquals(OffCpuState.BLOCKED, WaitKinds.ofLockWait("java.util.concurrent.locks.ReentrantLock$FairSync"));
        assertEquals(OffCpuState.BLOCKED, WaitKinds.ofLockWait(null));
    }
}
